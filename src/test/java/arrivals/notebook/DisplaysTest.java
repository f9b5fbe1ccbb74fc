package arrivals.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

/** Rendering rules and the errors of the display functions, without a JShell session. */
class DisplaysTest {

    @Test
    void mimeTypesAreCheckedAndNamedInErrors() {
        IllegalArgumentException notMime = assertThrows(IllegalArgumentException.class,
                () -> MimeRenderer.render("<b>x</b>", "html"));
        assertTrue(notMime.getMessage().contains("\"html\" is not a MIME type"), notMime.getMessage());
        IllegalArgumentException notImage = assertThrows(IllegalArgumentException.class,
                () -> MimeRenderer.render("text", "image/png"));
        assertTrue(notImage.getMessage().contains("needs a java.awt.image.RenderedImage"), notImage.getMessage());
        IllegalArgumentException badJson = assertThrows(IllegalArgumentException.class,
                () -> MimeRenderer.render("{oops", "application/json"));
        assertTrue(badJson.getMessage().contains("not valid JSON"), badJson.getMessage());
    }

    @Test
    void jsonIsStoredAsJsonAndOtherTypesAsText() {
        JsonNode data = MimeRenderer.render("{\"a\": 1}", "application/json", "text/plain");
        assertEquals(1, data.path("application/json").path("a").asInt());
        assertEquals("{\"a\": 1}", JupyterJson.joinMultiline(data.path("text/plain")));
        assertEquals("null", JupyterJson.joinMultiline(MimeRenderer.render(null).path("text/plain")));
    }

    @Test
    void displaysGoToTheRunningCellAndUpdatesReplaceThem() {
        Displays displays = new Displays();
        assertThrows(IllegalStateException.class, () -> displays.display("no cell"));

        CellOutputs cell = new CellOutputs();
        displays.enterCell(cell);
        String first = displays.display("first");
        String second = displays.display("second");
        displays.leaveCell();
        assertNotEquals(first, second);

        displays.update(first, "<i>changed</i>", "text/html");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> displays.update("no-such-id", "x"));
        assertTrue(unknown.getMessage().contains("no display has id no-such-id"), unknown.getMessage());

        ArrayNode outputs = cell.toJson();
        assertEquals("<i>changed</i>", JupyterJson.joinMultiline(outputs.get(0).path("data").path("text/html")));
        assertEquals("second", JupyterJson.joinMultiline(outputs.get(1).path("data").path("text/plain")));
    }

    @Test
    void displayIdsAreTheSameInEverySession() {
        CellOutputs cell = new CellOutputs();
        Displays one = new Displays();
        Displays two = new Displays();
        one.enterCell(cell);
        two.enterCell(cell);
        assertEquals(one.display("a"), two.display("b"));
    }

    @Test
    void printedOutputIsCappedPerCell() {
        CellOutputs cell = new CellOutputs();
        byte[] line = "x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i <= CellOutputs.MAX_STREAM_BYTES / line.length; i++) {
            cell.appendStream("stdout", line, 0, line.length);
        }
        ArrayNode outputs = cell.toJson();
        assertEquals(2, outputs.size());
        String kept = JupyterJson.joinMultiline(outputs.get(0).path("text"));
        assertTrue(kept.length() <= CellOutputs.MAX_STREAM_BYTES, "kept " + kept.length());
        assertTrue(JupyterJson.joinMultiline(outputs.get(1).path("text")).contains("[output truncated"));
    }

    @Test
    void notebookFunctionsNeedARunningNotebook() {
        IllegalStateException outside = assertThrows(IllegalStateException.class,
                () -> NotebookFunctions.display("x"));
        assertTrue(outside.getMessage().contains("only work inside a notebook cell"), outside.getMessage());
    }
}
