package arrivals.notebook;

/**
 * The notebook functions JJava and IJava define in every session, for cell code: each session of
 * the headless engine starts with {@code import static arrivals.notebook.NotebookFunctions.*;}.
 *
 * <pre>{@code
 * String id = display("<b>starting</b>", "text/html");
 * BufferedImage chart = BitmapEncoder.getBufferedImage(xyChart);
 * display(chart);                       // shown as image/png
 * updateDisplay(id, "<b>done</b>", "text/html");
 * }</pre>
 *
 * <p>Rendering follows JJava: an image ({@code java.awt.image.RenderedImage}) becomes
 * {@code image/png}; with explicit MIME types the value is shown as exactly those types (a string
 * as {@code text/html}, {@code text/markdown}, ...); anything else becomes {@code text/plain}
 * with its {@code toString()}. Calling these outside a cell run by the engine, or {@code display}
 * from a thread after its cell finished, throws {@link IllegalStateException}; a bad MIME type or
 * an unknown display id throws {@link IllegalArgumentException}.
 */
public final class NotebookFunctions {

    private NotebookFunctions() {
    }

    /** Shows {@code value} below the running cell and returns the display's id. */
    public static String display(Object value) {
        return Displays.active().display(value);
    }

    /** Shows {@code value} as the given MIME types (e.g. "text/html") and returns the display's id. */
    public static String display(Object value, String... mimeTypes) {
        return Displays.active().display(value, mimeTypes);
    }

    /** Replaces the output of the display with this id (from any later cell too). */
    public static void updateDisplay(String id, Object value) {
        Displays.active().update(id, value);
    }

    /** Replaces the output of the display with this id, shown as the given MIME types. */
    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        Displays.active().update(id, value, mimeTypes);
    }

    /** {@code System.out.printf}, which both kernels also define as a bare function. */
    public static void printf(String format, Object... args) {
        System.out.printf(format, args);
    }
}
