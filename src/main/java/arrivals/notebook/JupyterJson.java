package arrivals.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * Jackson set-up shared by the notebook classes, writing JSON the way Jupyter does.
 *
 * <p>Jupyter saves notebooks with one-space indentation, sorted keys and multi-line strings split
 * into lists of lines. Writing the same layout keeps diffs between a Jupyter-saved notebook and an
 * executed copy small.
 */
final class JupyterJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

    private static final ObjectWriter WRITER = MAPPER.writer(jupyterPrettyPrinter());

    private JupyterJson() {
    }

    static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Serialises like Python's {@code json.dump(nb, indent=1, sort_keys=True)} plus a final newline. */
    static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits text into lines that keep their line ends, the list form Jupyter stores. */
    static ArrayNode multiline(String text) {
        ArrayNode lines = array();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** Joins a multi-line string stored as a list of lines, or returns a plain string as is. */
    static String joinMultiline(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode line : node) {
                if (!line.isTextual()) {
                    throw new NotebookFormatException("expected a string or a list of strings, found " + node);
                }
                text.append(line.textValue());
            }
            return text.toString();
        }
        throw new NotebookFormatException("expected a string or a list of strings, found " + node);
    }

    private static DefaultPrettyPrinter jupyterPrettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter oneSpace = new DefaultIndenter(" ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(oneSpace);
        printer.indentArraysWith(oneSpace);
        return printer;
    }
}
