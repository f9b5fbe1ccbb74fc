package arrivals.notebook;

import static arrivals.notebook.TestNotebooks.cell;
import static arrivals.notebook.TestNotebooks.onlyError;
import static arrivals.notebook.TestNotebooks.outputs;
import static arrivals.notebook.TestNotebooks.outputsOfType;
import static arrivals.notebook.TestNotebooks.text;
import static arrivals.notebook.TestNotebooks.traceback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs basics.ipynb once and checks each behaviour on its own cell. */
class NotebookEngineTest {

    private static NotebookRun run;

    @BeforeAll
    static void runBasics() throws IOException {
        System.setProperty("java.awt.headless", "true");
        SharedStateProbe.fromTest = "set by the test";
        SharedStateProbe.fromCell = null;
        run = NotebookExecutor.withDefaults().execute(TestNotebooks.resource("basics.ipynb"));
    }

    @Test
    void notebookPasses() {
        assertTrue(run.passed(), () -> run.failure().orElseThrow().describe());
    }

    @Test
    void printedLinesBecomeAStreamAndTheTrailingExpressionTheResult() {
        List<JsonNode> outputs = outputs(run, "print-and-value");
        assertEquals(2, outputs.size(), outputs::toString);
        assertEquals("stream", outputs.get(0).path("output_type").asText());
        assertEquals("stdout", outputs.get(0).path("name").asText());
        assertEquals("hello from a cell\n", text(outputs.get(0).path("text")));
        JsonNode result = outputs.get(1);
        assertEquals("execute_result", result.path("output_type").asText());
        assertEquals("42", text(result.path("data").path("text/plain")));
        assertEquals(1, result.path("execution_count").asInt());
        assertEquals(1, cell(run, "print-and-value").executionCount().orElseThrow());
    }

    @Test
    void aStringValueShowsWithoutQuotesAsInJJava() {
        JsonNode result = outputsOfType(run, "string-value", "execute_result").get(0);
        assertEquals("no quotes", text(result.path("data").path("text/plain")));
    }

    @Test
    void displaysImageHtmlAndText() throws IOException {
        List<JsonNode> displays = outputsOfType(run, "displays", "display_data");
        assertEquals(4, displays.size(), displays::toString);

        BufferedImage image = decodePng(displays.get(0));
        assertEquals(8, image.getWidth());
        assertEquals(4, image.getHeight());

        JsonNode html = displays.get(1).path("data");
        assertEquals(List.of("text/html"), fieldNames(html));
        assertEquals("<b>bold</b>", text(html.path("text/html")));

        assertEquals("[1, 2, 3]", text(displays.get(2).path("data").path("text/plain")));
        // A declaration ends the cell, so there is no execute_result.
        assertTrue(outputsOfType(run, "displays", "execute_result").isEmpty());
    }

    @Test
    void anImageValueIsShownAsPng() throws IOException {
        List<JsonNode> outputs = outputs(run, "image-value");
        assertEquals(1, outputs.size(), outputs::toString);
        assertEquals("execute_result", outputs.get(0).path("output_type").asText());
        assertEquals(8, decodePng(outputs.get(0)).getWidth());
    }

    @Test
    void updateDisplayReplacesTheEarlierOutputInPlace() {
        JsonNode progress = outputsOfType(run, "displays", "display_data").get(3);
        assertEquals("step 2 of 2", text(progress.path("data").path("text/plain")));
        String allOutputs = run.executed().cells().stream().map(c -> c.outputs().toString()).toList().toString();
        assertFalse(allOutputs.contains("step 1 of 2"), allOutputs);
        List<JsonNode> updateCell = outputs(run, "update");
        assertEquals(1, updateCell.size(), updateCell::toString);
        assertEquals("updated\n", text(updateCell.get(0).path("text")));
    }

    @Test
    void outputOfAnotherThreadBelongsToTheRunningCell() {
        List<JsonNode> streams = outputsOfType(run, "background-thread", "stream");
        assertEquals(2, streams.size(), streams::toString);
        assertEquals("stdout", streams.get(0).path("name").asText());
        assertEquals("printed by a worker thread\n", text(streams.get(0).path("text")));
        assertEquals("stderr", streams.get(1).path("name").asText());
        assertEquals("warning from the worker\n", text(streams.get(1).path("text")));
    }

    @Test
    void cellsUseTheEngineClassPathAndShareItsStaticState() throws IOException {
        JsonNode result = outputsOfType(run, "library-classes", "execute_result").get(0);
        assertEquals(String.valueOf(1 + 2 + 3), text(result.path("data").path("text/plain")));
        assertEquals("set by the test and seen by the cell", SharedStateProbe.fromCell);
        BufferedImage chart = decodePng(outputsOfType(run, "library-classes", "display_data").get(0));
        assertEquals(120, chart.getWidth());
        assertEquals(80, chart.getHeight());
    }

    @Test
    void skipExecutionCellIsNotRun() {
        NotebookCell todo = cell(run, "todo");
        assertFalse(todo.hasOutputs());
        assertTrue(todo.executionCount().isEmpty());
        assertEquals(CellReport.Status.NOT_RUN, TestNotebooks.report(run, "todo").status());
    }

    @Test
    void raisesExceptionCellKeepsItsErrorAndTheRunContinues() {
        JsonNode error = onlyError(run, "expected-error");
        assertEquals("java.lang.IllegalStateException", error.path("ename").asText());
        assertEquals("expected failure", error.path("evalue").asText());
        int number = cell(run, "expected-error").number();
        List<String> traceback = traceback(error);
        assertTrue(traceback.contains("    at fail (cell " + number + ", line 2): "
                + "throw new IllegalStateException(\"expected failure\");"), traceback::toString);
        assertTrue(traceback.contains("    at cell " + number + ", line 4: fail();"), traceback::toString);
        assertEquals(CellReport.Status.RAISED_AS_EXPECTED, TestNotebooks.report(run, "expected-error").status());

        JsonNode after = outputsOfType(run, "after-error", "execute_result").get(0);
        assertEquals("still running after the expected error", text(after.path("data").path("text/plain")));
    }

    @Test
    void executionCountsNumberTheCellsThatRan() {
        List<Integer> counts = run.executed().cells().stream()
                .filter(NotebookCell::isCode)
                .flatMap(c -> c.executionCount().stream())
                .toList();
        List<Integer> expected = java.util.stream.IntStream.rangeClosed(1, counts.size()).boxed().toList();
        assertEquals(expected, counts);
        assertEquals(run.ranCells().size(), counts.size());
        assertTrue(cell(run, "empty").executionCount().isEmpty(), "an empty cell is not run");
    }

    @Test
    void executedCopyIsNbformat45() throws IOException {
        JsonNode root = JupyterJson.MAPPER.readTree(run.executed().toJson());
        assertEquals(4, root.path("nbformat").asInt());
        assertEquals(5, root.path("nbformat_minor").asInt());
        root.path("cells").forEach(c -> assertTrue(c.path("id").isTextual(), "cell without id: " + c));
    }

    @Test
    void runningTheSameNotebookAgainGivesTheSameOutputs() throws IOException {
        SharedStateProbe.fromCell = null;
        NotebookRun again = NotebookExecutor.withDefaults().execute(TestNotebooks.resource("basics.ipynb"));
        assertEquals(run.executed().toJson(), again.executed().toJson());
    }

    private static BufferedImage decodePng(JsonNode display) throws IOException {
        JsonNode png = display.path("data").path("image/png");
        assertTrue(png.isTextual(), "not a PNG display: " + display);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.asText())));
        assertNotNull(image, "PNG does not decode");
        return image;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
