package arrivals.notebook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The outputs of one cell, in the order they happened, built up while the cell runs and turned
 * into nbformat outputs at the end.
 *
 * <p>Thread-safe: any thread of the cell may print or display. Consecutive writes to the same
 * stream are merged into one {@code stream} output, as Jupyter does. A display stays updatable
 * (by {@code updateDisplay}) until the notebook is written, so the written notebook shows the
 * last value.
 */
final class CellOutputs {

    /** Printed text kept per cell; a runaway print loop must not exhaust the heap before its timeout. */
    static final int MAX_STREAM_BYTES = 10 * 1024 * 1024;

    private final List<Object> items = new ArrayList<>();
    private long streamBytes;
    private boolean truncated;

    /** One display, updatable in place. */
    static final class Display {
        private ObjectNode data;

        private Display(ObjectNode data) {
            this.data = data;
        }

        synchronized void update(ObjectNode newData) {
            this.data = newData;
        }

        synchronized ObjectNode data() {
            return data;
        }
    }

    private record Stream(String name, ByteArrayOutputStream bytes) {
    }

    /** Appends bytes printed to {@code stdout} or {@code stderr}; beyond the cap, notes the cut once. */
    synchronized void appendStream(String name, byte[] buffer, int offset, int length) {
        if (truncated) {
            return;
        }
        if (streamBytes + length > MAX_STREAM_BYTES) {
            truncated = true;
            byte[] note = ("\n[output truncated: the cell printed more than " + MAX_STREAM_BYTES / (1024 * 1024)
                    + " MB]\n").getBytes(StandardCharsets.UTF_8);
            append("stderr", note, 0, note.length);
            return;
        }
        streamBytes += length;
        append(name, buffer, offset, length);
    }

    private void append(String name, byte[] buffer, int offset, int length) {
        if (!items.isEmpty() && items.get(items.size() - 1) instanceof Stream last && last.name().equals(name)) {
            last.bytes().write(buffer, offset, length);
            return;
        }
        Stream stream = new Stream(name, new ByteArrayOutputStream());
        stream.bytes().write(buffer, offset, length);
        items.add(stream);
    }

    synchronized Display addDisplay(ObjectNode data) {
        Display display = new Display(data);
        items.add(display);
        return display;
    }

    synchronized void addResult(ObjectNode data, int executionCount) {
        ObjectNode result = JupyterJson.object();
        result.put("output_type", "execute_result");
        result.put("execution_count", executionCount);
        result.set("data", data);
        result.set("metadata", JupyterJson.object());
        items.add(result);
    }

    synchronized void addError(CellError error) {
        ObjectNode node = JupyterJson.object();
        node.put("output_type", "error");
        node.put("ename", error.ename());
        node.put("evalue", error.evalue());
        ArrayNode traceback = node.putArray("traceback");
        error.traceback().forEach(traceback::add);
        items.add(node);
    }

    /** The outputs in nbformat 4 form. */
    synchronized ArrayNode toJson() {
        ArrayNode outputs = JupyterJson.array();
        for (Object item : items) {
            if (item instanceof Stream stream) {
                ObjectNode node = outputs.addObject();
                node.put("output_type", "stream");
                node.put("name", stream.name());
                node.set("text", JupyterJson.multiline(stream.bytes().toString(StandardCharsets.UTF_8)));
            } else if (item instanceof Display display) {
                ObjectNode node = outputs.addObject();
                node.put("output_type", "display_data");
                node.set("data", display.data().deepCopy());
                node.set("metadata", JupyterJson.object());
            } else {
                outputs.add(((ObjectNode) item).deepCopy());
            }
        }
        return outputs;
    }
}
