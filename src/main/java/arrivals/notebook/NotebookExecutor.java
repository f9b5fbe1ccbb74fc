package arrivals.notebook;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Executes notebooks headlessly, each in a fresh in-process JShell session, the way a Java kernel
 * (IJava/JJava) would run "Restart and Run All".
 *
 * <pre>{@code
 * NotebookExecutor executor = NotebookExecutor.withTimeout(Duration.ofSeconds(30));
 * NotebookRun run = executor.execute(Path.of("notebooks/01-intro.ipynb"));
 * }</pre>
 *
 * <p>Code cells run in order. A cell stops at its first compile error or exception, which becomes
 * its {@code error} output. Tags follow nbmake: {@code skip-execution} cells are not run, and a
 * {@code raises-exception} cell must raise (its error is kept and the run continues). Any other
 * error ends the run: later cells are left without outputs, as nbclient does. Empty code cells are
 * not run. A cell whose own code runs longer than the timeout (per cell, compiling not counted;
 * default 120 s, or the system property {@value #TIMEOUT_PROPERTY} in seconds) is stopped and
 * fails with a {@code CellTimeoutException}.
 * {@code %classpath} paths resolve against the notebook's folder.
 *
 * <p>Only one notebook runs at a time per JVM ({@code System.out} capture and the display
 * functions are JVM-wide); a concurrent call fails with {@link IllegalStateException}.
 */
public final class NotebookExecutor {

    /** System property with the default per-cell timeout in seconds. */
    public static final String TIMEOUT_PROPERTY = "arrivals.notebook.timeout";

    /** The per-cell timeout when nothing else is configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final Duration timeout;

    private NotebookExecutor(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
    }

    /** An executor whose per-cell timeout is {@value #TIMEOUT_PROPERTY} seconds, or 120 s. */
    public static NotebookExecutor withDefaults() {
        return withTimeout(defaultTimeout());
    }

    /** An executor with the given per-cell timeout. */
    public static NotebookExecutor withTimeout(Duration timeout) {
        return new NotebookExecutor(timeout);
    }

    /** The per-cell timeout from {@value #TIMEOUT_PROPERTY}, or {@link #DEFAULT_TIMEOUT}. */
    public static Duration defaultTimeout() {
        String property = System.getProperty(TIMEOUT_PROPERTY);
        if (property == null || property.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(property.strip()) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + TIMEOUT_PROPERTY + " must be a number of seconds, got \""
                    + property + "\"");
        }
    }

    /** The per-cell timeout. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Starts and closes one throw-away session, and returns how long starting it took. The first
     * JShell of a JVM loads and warms up javac; doing that once up front keeps it out of the first
     * notebook's timings.
     */
    public static Duration warmUp() {
        long start = System.nanoTime();
        JShellSession.start().close();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Reads and executes the notebook at {@code file}; its folder is the base of {@code %classpath}. */
    public NotebookRun execute(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        return execute(Notebook.read(file), folder);
    }

    /** Executes a copy of {@code notebook}; {@code folder} is the base of {@code %classpath} paths. */
    public NotebookRun execute(Notebook notebook, Path folder) {
        long start = System.nanoTime();
        Notebook executed = notebook.copy();
        executed.upgradeToCellIds();
        executed.fillLanguageInfo();
        OutputCapture.install();
        Displays displays = new Displays();
        displays.activate();
        List<CellReport> reports = new ArrayList<>();
        List<CellOutputs> outputs = new ArrayList<>();
        CellFailure failure = null;
        long startup = 0;
        int currentCell = 0;
        try {
            long sessionStart = System.nanoTime();
            try (JShellSession session = JShellSession.start()) {
                startup = System.nanoTime() - sessionStart;
                CellRunner runner = new CellRunner(session, displays, folder, timeout);
                int count = 0;
                for (NotebookCell cell : executed.cells()) {
                    if (!cell.isCode()) {
                        continue;
                    }
                    currentCell = cell.number();
                    String source = cell.source();
                    if (failure != null || cell.hasTag(NotebookCell.SKIP_EXECUTION) || source.isBlank()) {
                        reports.add(new CellReport(cell.number(), 0, CellReport.Status.NOT_RUN, null, 0, 0));
                        outputs.add(null);
                        continue;
                    }
                    count++;
                    CellRunner.CellRun run = runner.run(cell.number(), source, count);
                    CellReport report = report(cell, count, run);
                    reports.add(report);
                    outputs.add(run.outputs());
                    if (report.status() == CellReport.Status.FAILED) {
                        failure = failure(notebook.name(), cell, count, run.error());
                    }
                }
            }
        } catch (NotebookFormatException e) {
            failure = new CellFailure(notebook.name(), currentCell, 0, 0, "", e.getMessage());
        } catch (RuntimeException e) {
            // An engine fault, not a cell error: report it in one line, like any other failure.
            failure = new CellFailure(notebook.name(), currentCell, 0, 0, "",
                    (currentCell == 0 ? "the notebook engine failed to start: " : "the notebook engine failed: ") + e);
        } finally {
            displays.deactivate();
        }
        // Outputs are written only now, so an updateDisplay from a later cell shows in the copy.
        writeOutputs(executed, reports, outputs);
        return new NotebookRun(executed, reports, Optional.ofNullable(failure), startup, System.nanoTime() - start);
    }

    private static CellReport report(NotebookCell cell, int count, CellRunner.CellRun run) {
        boolean expectsError = cell.hasTag(NotebookCell.RAISES_EXCEPTION);
        CellReport.Status status;
        if (run.error() == null) {
            status = expectsError ? CellReport.Status.FAILED : CellReport.Status.PASSED;
        } else {
            status = expectsError ? CellReport.Status.RAISED_AS_EXPECTED : CellReport.Status.FAILED;
        }
        return new CellReport(cell.number(), count, status, run.error(), run.totalNanos(), run.userNanos());
    }

    private static CellFailure failure(String notebook, NotebookCell cell, int count, CellError error) {
        if (error == null) {
            return new CellFailure(notebook, cell.number(), count, 0, "",
                    "the cell is tagged " + NotebookCell.RAISES_EXCEPTION + " but raised no error");
        }
        return new CellFailure(notebook, cell.number(), count, error.line(), error.sourceLine(), error.summary());
    }

    private static void writeOutputs(Notebook executed, List<CellReport> reports, List<CellOutputs> outputs) {
        int index = 0;
        for (NotebookCell cell : executed.cells()) {
            if (!cell.isCode()) {
                continue;
            }
            CellOutputs cellOutputs = index < outputs.size() ? outputs.get(index) : null;
            CellReport report = index < reports.size() ? reports.get(index) : null;
            if (cellOutputs == null || report == null) {
                cell.setExecution(JupyterJson.array(), null);
            } else {
                cell.setExecution(cellOutputs.toJson(), report.executionCount());
            }
            index++;
        }
    }
}
