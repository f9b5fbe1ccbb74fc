package arrivals.chart;

import arrivals.Progress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * A text progress bar, for consoles and for notebooks without pictures.
 *
 * <pre>{@code
 * var options = Options.defaults().onProgress(TextProgress.lines());
 * try (var results = AsCompleted.of(tasks, options)) { results.forEach(done -> { }); }
 * // [######------------------------]  20/100  20%
 * // [############------------------]  40/100  40%   ... one line each time the bar grows
 * }</pre>
 *
 * <p>{@link #lines()} prints a new line whenever the bar grows by a cell, and at the end: at most
 * {@code width + 1} lines, however many tasks there are, which suits notebooks (they keep every line).
 * {@link #terminal()} redraws a single line with a carriage return after every result and ends it with a
 * newline: for a terminal. A progress bar is called on the consuming thread, once per result; use one per run
 * at a time. Lines go to {@code System.out} as it is when they are printed, unless {@link #printingTo} says
 * otherwise.
 */
public final class TextProgress implements Progress {
    private static final int DEFAULT_WIDTH = 30;

    private final boolean terminal;
    private final int width;
    private final PrintStream out;
    private int lastCells = -1;
    private int lastDone;

    private TextProgress(boolean terminal, int width, PrintStream out) {
        this.terminal = terminal;
        this.width = width;
        this.out = out;
    }

    /** A bar printed as a new line each time it grows: for notebooks and logs. */
    public static TextProgress lines() {
        return new TextProgress(false, DEFAULT_WIDTH, null);
    }

    /** A bar redrawn in place with {@code '\r'}: for a terminal. */
    public static TextProgress terminal() {
        return new TextProgress(true, DEFAULT_WIDTH, null);
    }

    /**
     * The same kind of bar, {@code cells} characters wide.
     *
     * @throws IllegalArgumentException if {@code cells} is not between 1 and 200
     */
    public TextProgress width(int cells) {
        if (cells < 1 || cells > 200) {
            throw new IllegalArgumentException("width must be between 1 and 200 cells, was " + cells);
        }
        return new TextProgress(terminal, cells, out);
    }

    /**
     * The same kind of bar, printing to {@code out}.
     *
     * @throws NullPointerException if {@code out} is null
     */
    public TextProgress printingTo(PrintStream out) {
        return new TextProgress(terminal, width, Objects.requireNonNull(out, "out"));
    }

    /**
     * The bar's text for {@code done} of {@code total}: {@code bar(5, 10, 10)} is {@code "[#####-----]  5/10  50%"}.
     *
     * @throws IllegalArgumentException if {@code cells < 1}, {@code total < 0} or {@code done} is outside
     *                                  {@code 0..total}
     */
    public static String bar(int done, int total, int cells) {
        if (cells < 1) {
            throw new IllegalArgumentException("cells must be positive, was " + cells);
        }
        if (total < 0 || done < 0 || done > total) {
            throw new IllegalArgumentException("expected 0 <= done <= total, was done=" + done + " total=" + total);
        }
        int filled = filled(done, total, cells);
        int digits = String.valueOf(total).length();
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        return "[" + "#".repeat(filled) + "-".repeat(cells - filled) + "] "
                + String.format(Locale.ROOT, "%" + digits + "d/%d %3d%%", done, total, percent);
    }

    @Override
    public synchronized void update(int done, int total) {
        if (done <= lastDone) { // a new run started
            lastCells = -1;
        }
        lastDone = done;
        PrintStream target = out != null ? out : System.out;
        if (terminal) {
            target.print("\r" + bar(done, total, width) + (done == total ? System.lineSeparator() : ""));
            target.flush();
            return;
        }
        int cells = filled(done, total, width);
        if (cells != lastCells || done == total) {
            target.println(bar(done, total, width));
            lastCells = cells;
        }
        if (done == total) {
            lastDone = 0;
        }
    }

    private static int filled(int done, int total, int cells) {
        return total == 0 ? cells : (int) ((long) cells * done / total);
    }
}
