package arrivals.notebook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds small notebooks in tests. */
final class NotebookJson {

    private final ObjectNode root = JupyterJson.object();
    private final ArrayNode cells;

    private NotebookJson(String kernel) {
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        ObjectNode kernelspec = root.putObject("metadata").putObject("kernelspec");
        kernelspec.put("name", kernel);
        kernelspec.put("display_name", "Java");
        kernelspec.put("language", "java");
        cells = root.putArray("cells");
    }

    static NotebookJson java() {
        return new NotebookJson("java");
    }

    static NotebookJson kernel(String kernel) {
        return new NotebookJson(kernel);
    }

    NotebookJson code(String id, String source, String... tags) {
        ObjectNode cell = cells.addObject();
        cell.put("cell_type", "code");
        cell.put("id", id);
        ArrayNode tagList = cell.putObject("metadata").putArray("tags");
        for (String tag : tags) {
            tagList.add(tag);
        }
        cell.set("source", JupyterJson.multiline(source));
        cell.putArray("outputs");
        cell.putNull("execution_count");
        return this;
    }

    /** The last cell, to tweak it (e.g. give it outputs). */
    ObjectNode lastCell() {
        return (ObjectNode) cells.get(cells.size() - 1);
    }

    NotebookJson markdown(String id, String source) {
        ObjectNode cell = cells.addObject();
        cell.put("cell_type", "markdown");
        cell.put("id", id);
        cell.putObject("metadata");
        cell.set("source", JupyterJson.multiline(source));
        return this;
    }

    String json() {
        return JupyterJson.write(root);
    }

    Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, json());
        return file;
    }
}
