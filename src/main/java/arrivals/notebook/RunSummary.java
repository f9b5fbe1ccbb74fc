package arrivals.notebook;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.CharsetEncoder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints {@link CourseMain}'s report: a line per notebook as it finishes, then timings and the
 * failures. Timings separate the time spent in the cells' own code from the engine's overhead
 * (splitting, compiling, class loading, output capture).
 */
final class RunSummary {

    private final PrintStream out;
    private final String pass;
    private final String fail;
    private final List<String> failures = new ArrayList<>();
    private final List<Long> startups = new ArrayList<>();
    private long engineStartup;
    private int notebooks;
    private int cells;
    private long totalNanos;
    private long userNanos;
    private long engineNanos;

    RunSummary(PrintStream out) {
        this.out = out;
        CharsetEncoder encoder = out.charset().newEncoder();
        boolean unicode = encoder.canEncode("\u2713\u2717");
        this.pass = unicode ? "\u2713" : "OK  ";
        this.fail = unicode ? "\u2717" : "FAIL";
    }

    /** Prints the engine's own start-up: the first JShell session of the JVM. */
    void engineStarted(Duration firstSession) {
        engineStartup = firstSession.toNanos();
        // The JVM's own start time, not the process's: ./course execs java from a bash process that may
        // have spent seconds building the jar first, and the process start would count that build.
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String jvm = ", " + millis(Duration.between(Instant.ofEpochMilli(jvmStart), Instant.now()).toNanos())
                + " after the JVM started";
        out.println("Engine start-up: first JShell session in " + millis(engineStartup)
                + " (loads and warms up javac)" + jvm);
    }

    void add(String name, NotebookRun run) {
        notebooks++;
        int ran = run.ranCells().size();
        cells += ran;
        totalNanos += run.totalNanos();
        userNanos += run.userNanos();
        engineNanos += run.engineNanos();
        startups.add(run.startupNanos());
        out.printf(Locale.ROOT, "%s %s  %.2f s: %d cells run, JShell start-up %s, user code %s, engine %s (%s/cell)%n",
                run.passed() ? pass : fail, name, run.totalNanos() / 1e9, ran, millis(run.startupNanos()),
                seconds(run.userNanos()), seconds(run.engineNanos()), millis(ran == 0 ? 0 : run.engineNanos() / ran));
        run.failure().ifPresent(failure -> {
            String text = failure.describe();
            failures.add(text);
            out.println("    " + text.replace("\n", "\n    "));
        });
    }

    void unreadable(String name, String message) {
        notebooks++;
        failures.add(message);
        out.println(fail + " " + name + "\n    " + message);
    }

    boolean allPassed() {
        return failures.isEmpty();
    }

    void printTotals() {
        out.println();
        if (!startups.isEmpty()) {
            long mean = startups.stream().mapToLong(Long::longValue).sum() / startups.size();
            out.println("JShell start-up: engine " + millis(engineStartup) + " (first session), then "
                    + millis(mean) + " per notebook on average (a fresh session each)");
        }
        if (cells > 0) {
            out.printf(Locale.ROOT, "Per cell (%d run): user code %s on average, engine overhead %s on average%n",
                    cells, millis(userNanos / cells), millis(engineNanos / cells));
        }
        out.printf(Locale.ROOT, "%d notebook(s): %d passed, %d failed, %.2f s in notebooks%n",
                notebooks, notebooks - failures.size(), failures.size(), totalNanos / 1e9);
        if (!failures.isEmpty()) {
            out.println();
            out.println("FAILED:");
            for (String failure : failures) {
                out.println("  " + failure.replace("\n", "\n  "));
            }
        }
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%d ms", Math.round(nanos / 1e6));
    }
}
