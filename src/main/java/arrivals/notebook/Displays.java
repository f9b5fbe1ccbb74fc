package arrivals.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The displays of one notebook session: where {@code display(...)} puts its output (the running
 * cell) and which output {@code updateDisplay(id, ...)} replaces.
 *
 * <p>Cell code reaches the session through a JVM-wide static, because display functions are
 * static methods called from snippet classes; that is why only one session may be open per JVM.
 * Display ids are UUIDs like JJava's, but derived from a per-session counter, so running the
 * same notebook twice gives the same outputs.
 */
final class Displays {

    private static volatile Displays active;

    private final Map<String, CellOutputs.Display> byId = new ConcurrentHashMap<>();
    private volatile CellOutputs currentCell;
    private int counter;

    /** Makes this the session cell code talks to. */
    void activate() {
        synchronized (Displays.class) {
            if (active != null && active != this) {
                throw new IllegalStateException("another notebook session is already open in this JVM; "
                        + "close it first (display() and System.out capture are JVM-wide)");
            }
            active = this;
        }
    }

    void deactivate() {
        synchronized (Displays.class) {
            if (active == this) {
                active = null;
            }
        }
    }

    static Displays active() {
        Displays displays = active;
        if (displays == null) {
            throw new IllegalStateException("display functions only work inside a notebook cell run by the engine");
        }
        return displays;
    }

    void enterCell(CellOutputs outputs) {
        currentCell = outputs;
    }

    void leaveCell() {
        currentCell = null;
    }

    String display(Object value, String... mimeTypes) {
        ObjectNode data = MimeRenderer.render(value, mimeTypes);
        CellOutputs cell = currentCell;
        if (cell == null) {
            throw new IllegalStateException("display() was called while no cell was running "
                    + "(from a thread that outlived its cell?); make the cell wait for its tasks");
        }
        String id = nextId();
        byId.put(id, cell.addDisplay(data));
        return id;
    }

    void update(String id, Object value, String... mimeTypes) {
        CellOutputs.Display display = id == null ? null : byId.get(id);
        if (display == null) {
            throw new IllegalArgumentException("updateDisplay: no display has id " + id
                    + "; pass the id that display(...) returned");
        }
        display.update(MimeRenderer.render(value, mimeTypes));
    }

    private synchronized String nextId() {
        counter++;
        return UUID.nameUUIDFromBytes(("display-" + counter).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
