package arrivals.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Jupyter notebook (nbformat 4) held as its JSON tree, so fields the engine does not know about
 * survive a read and write unchanged.
 *
 * <pre>{@code
 * Notebook notebook = Notebook.read(Path.of("notebooks/01-intro.ipynb"));
 * for (NotebookCell cell : notebook.cells()) {
 *     System.out.println(cell.number() + " " + cell.type() + ": " + cell.source());
 * }
 * notebook.write(Path.of("target/executed/01-intro.ipynb"));
 * }</pre>
 *
 * <p>Reading fails with a {@link NotebookFormatException} naming the file when it is not valid
 * JSON, not nbformat 4, or has a cell without a type or source. Instances are not thread-safe.
 */
public final class Notebook {

    /** The minor version written: 4.5 is the first that requires cell ids. */
    static final int WRITTEN_MINOR = 5;

    private final ObjectNode root;
    private final String name;
    private final List<NotebookCell> cells;

    private Notebook(ObjectNode root, String name) {
        this.root = root;
        this.name = name;
        this.cells = parseCells(root, name);
    }

    /** Reads the notebook at {@code file}; the file name is used in error messages. */
    public static Notebook read(Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        return parse(json, file.toString());
    }

    /** Parses notebook JSON; {@code name} says where it came from in error messages. */
    public static Notebook parse(String json, String name) {
        JsonNode tree;
        try {
            tree = JupyterJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new NotebookFormatException(name + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new NotebookFormatException(name + " is not a notebook: its JSON is not an object");
        }
        JsonNode format = object.path("nbformat");
        if (!format.isInt() || format.intValue() != 4) {
            throw new NotebookFormatException(name + " has nbformat " + format
                    + "; only nbformat 4 notebooks are supported (open and save it in a recent Jupyter)");
        }
        return new Notebook(object, name);
    }

    /** Where the notebook came from, as given to {@link #read} or {@link #parse}. */
    public String name() {
        return name;
    }

    /** The cells in notebook order. */
    public List<NotebookCell> cells() {
        return cells;
    }

    /** The kernel the notebook asks for ({@code metadata.kernelspec.name}), if any. */
    public Optional<String> kernelName() {
        JsonNode kernel = root.path("metadata").path("kernelspec").path("name");
        return kernel.isTextual() ? Optional.of(kernel.textValue()) : Optional.empty();
    }

    /** A deep copy, so an executed version can be built without touching this one. */
    public Notebook copy() {
        return new Notebook(root.deepCopy(), name);
    }

    /**
     * Makes the notebook valid nbformat 4.5: sets the minor version to at least 5 and gives every
     * cell without an id a new one, keeping existing ids. Generated ids depend only on the cell's
     * position, so executing a notebook twice writes the same file.
     */
    public void upgradeToCellIds() {
        if (root.path("nbformat_minor").asInt(0) < WRITTEN_MINOR) {
            root.put("nbformat_minor", WRITTEN_MINOR);
        }
        Set<String> used = new HashSet<>();
        for (NotebookCell cell : cells) {
            cell.id().ifPresent(used::add);
        }
        for (NotebookCell cell : cells) {
            if (cell.id().isEmpty()) {
                String id = "cell-" + cell.number();
                for (int suffix = 2; used.contains(id); suffix++) {
                    id = "cell-" + cell.number() + "-" + suffix;
                }
                used.add(id);
                cell.setId(id);
            }
        }
    }

    /**
     * Records the language like a Java kernel does when it runs a notebook, if the notebook does
     * not say yet; nbconvert picks its syntax highlighter from it.
     */
    void fillLanguageInfo() {
        JsonNode metadata = root.get("metadata");
        ObjectNode meta = metadata instanceof ObjectNode object ? object : root.putObject("metadata");
        if (!meta.has("language_info")) {
            ObjectNode info = meta.putObject("language_info");
            info.put("name", "java");
            info.put("codemirror_mode", "java");
            info.put("file_extension", ".jshell");
            info.put("mimetype", "text/x-java-source");
            info.put("pygments_lexer", "java");
            info.put("version", Runtime.version().toString());
        }
    }

    /** The notebook as JSON in Jupyter's layout. */
    public String toJson() {
        return JupyterJson.write(root);
    }

    /** Writes the notebook to {@code file}, creating parent folders. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    private static List<NotebookCell> parseCells(ObjectNode root, String name) {
        JsonNode cellsNode = root.path("cells");
        if (!cellsNode.isArray()) {
            throw new NotebookFormatException(name + " is not a notebook: it has no \"cells\" list");
        }
        List<NotebookCell> result = new ArrayList<>();
        int number = 1;
        for (JsonNode cell : cellsNode) {
            if (!(cell instanceof ObjectNode object) || !object.path("cell_type").isTextual()) {
                throw new NotebookFormatException(name + ": cell " + number + " has no cell_type");
            }
            if (!object.has("source")) {
                throw new NotebookFormatException(name + ": cell " + number + " has no source");
            }
            result.add(new NotebookCell(object, number, name));
            number++;
        }
        return List.copyOf(result);
    }
}
