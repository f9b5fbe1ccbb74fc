package arrivals.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locates the test notebooks and reads the outputs of executed cells. */
final class TestNotebooks {

    private TestNotebooks() {
    }

    static Path resource(String name) {
        URL url = TestNotebooks.class.getResource("/notebooks/" + name);
        assertTrue(url != null, "missing test notebook " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static NotebookCell cell(NotebookRun run, String id) {
        return run.executed().cells().stream()
                .filter(c -> c.id().orElse("").equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cell with id " + id));
    }

    static List<JsonNode> outputs(NotebookRun run, String id) {
        List<JsonNode> outputs = new ArrayList<>();
        cell(run, id).outputs().forEach(outputs::add);
        return outputs;
    }

    static List<JsonNode> outputsOfType(NotebookRun run, String id, String type) {
        return outputs(run, id).stream().filter(o -> o.path("output_type").asText().equals(type)).toList();
    }

    /** A multi-line string field (list of lines or one string) joined. */
    static String text(JsonNode node) {
        return JupyterJson.joinMultiline(node);
    }

    static CellReport report(NotebookRun run, String id) {
        int number = cell(run, id).number();
        return run.cells().stream().filter(r -> r.cellNumber() == number).findFirst().orElseThrow();
    }

    static JsonNode onlyError(NotebookRun run, String id) {
        List<JsonNode> errors = outputsOfType(run, id, "error");
        assertEquals(1, errors.size(), "error outputs of cell " + id + ": " + outputs(run, id));
        return errors.get(0);
    }

    static List<String> traceback(JsonNode error) {
        List<String> lines = new ArrayList<>();
        error.path("traceback").forEach(line -> lines.add(line.asText()));
        return lines;
    }
}
