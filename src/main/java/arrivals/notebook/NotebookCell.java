package arrivals.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One cell of a {@link Notebook}: a live view of its JSON, so changes show up when the notebook is
 * written.
 *
 * <pre>{@code
 * NotebookCell cell = notebook.cells().get(0);
 * if (cell.isCode() && !cell.hasTag(NotebookCell.SKIP_EXECUTION)) {
 *     System.out.println("cell " + cell.number() + ":\n" + cell.source());
 * }
 * }</pre>
 *
 * <p>Accessors throw {@link NotebookFormatException} naming the notebook and cell when a field has
 * the wrong JSON type (for example a source that is neither a string nor a list of strings).
 */
public final class NotebookCell {

    /** nbmake's tag for a cell that is expected to raise: its error is kept and is not a failure. */
    public static final String RAISES_EXCEPTION = "raises-exception";

    /** nbmake's tag for a cell that is not run at all (for example a student's TODO). */
    public static final String SKIP_EXECUTION = "skip-execution";

    private final ObjectNode node;
    private final int number;
    private final String notebookName;

    NotebookCell(ObjectNode node, int number, String notebookName) {
        this.node = node;
        this.number = number;
        this.notebookName = notebookName;
    }

    /** The 1-based position of the cell in its notebook, counting every cell type. */
    public int number() {
        return number;
    }

    /** {@code "code"}, {@code "markdown"} or {@code "raw"}. */
    public String type() {
        return node.path("cell_type").asText();
    }

    /** Whether this is a code cell. */
    public boolean isCode() {
        return "code".equals(type());
    }

    /** The cell's source text, joined when stored as a list of lines. */
    public String source() {
        try {
            return JupyterJson.joinMultiline(node.get("source"));
        } catch (NotebookFormatException e) {
            throw new NotebookFormatException(where() + " has a malformed source: " + e.getMessage(), e);
        }
    }

    /** The cell's id, if it has one (nbformat 4.5 requires one; older notebooks may not). */
    public Optional<String> id() {
        JsonNode id = node.get("id");
        return id != null && id.isTextual() ? Optional.of(id.textValue()) : Optional.empty();
    }

    /** The tags in {@code metadata.tags}, in order. */
    public Set<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        JsonNode list = node.path("metadata").path("tags");
        if (list.isMissingNode() || list.isNull()) {
            return tags;
        }
        if (!list.isArray()) {
            throw new NotebookFormatException(where() + " has metadata.tags that is not a list: " + list);
        }
        for (JsonNode tag : list) {
            tags.add(tag.asText());
        }
        return tags;
    }

    /** Whether {@code metadata.tags} contains {@code tag}. */
    public boolean hasTag(String tag) {
        return tags().contains(tag);
    }

    /** Whether the cell holds any outputs (only code cells have them). */
    public boolean hasOutputs() {
        JsonNode outputs = node.get("outputs");
        return outputs != null && outputs.isArray() && !outputs.isEmpty();
    }

    /** The stored execution count, if the cell has one. */
    public Optional<Integer> executionCount() {
        JsonNode count = node.get("execution_count");
        return count != null && count.isInt() ? Optional.of(count.intValue()) : Optional.empty();
    }

    /** The outputs as stored; an empty list when the cell has none. */
    public ArrayNode outputs() {
        JsonNode outputs = node.get("outputs");
        return outputs instanceof ArrayNode array ? array : JupyterJson.array();
    }

    /** "notebook.ipynb, cell 3", for messages. */
    String where() {
        return notebookName + ", cell " + number;
    }

    void setId(String id) {
        node.put("id", id);
    }

    /** Replaces the outputs and execution count of a code cell. */
    void setExecution(ArrayNode outputs, Integer executionCount) {
        node.set("outputs", outputs);
        if (executionCount == null) {
            node.putNull("execution_count");
        } else {
            node.put("execution_count", executionCount);
        }
    }
}
