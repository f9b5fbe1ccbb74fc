package arrivals.notebook;

import java.util.List;
import java.util.Optional;

/**
 * The result of executing a notebook: the executed copy (outputs filled in, nbformat 4.5), a
 * report per code cell, the first failure if any, and timings.
 *
 * <pre>{@code
 * NotebookRun run = NotebookExecutor.withDefaults().execute(Path.of("notebooks/01-intro.ipynb"));
 * run.executed().write(Path.of("target/executed/01-intro.ipynb"));
 * System.out.println(run.passed() ? "ok" : run.failure().orElseThrow().describe());
 * }</pre>
 *
 * @param executed     the executed copy of the notebook
 * @param cells        one report per code cell, in order
 * @param failure      the first failing cell; empty when the notebook passed
 * @param startupNanos time to create the notebook's fresh JShell session
 * @param totalNanos   wall time of the whole run, start-up included
 */
public record NotebookRun(Notebook executed, List<CellReport> cells, Optional<CellFailure> failure,
        long startupNanos, long totalNanos) {

    /** Copies the list. */
    public NotebookRun {
        cells = List.copyOf(cells);
    }

    /** Whether every cell behaved as its tags say. */
    public boolean passed() {
        return failure.isEmpty();
    }

    /** The cells that ran. */
    public List<CellReport> ranCells() {
        return cells.stream().filter(c -> c.status() != CellReport.Status.NOT_RUN).toList();
    }

    /** Time spent in the cells' own code. */
    public long userNanos() {
        return ranCells().stream().mapToLong(CellReport::userNanos).sum();
    }

    /** Time the engine spent on the cells that ran, beyond their own code. */
    public long engineNanos() {
        return ranCells().stream().mapToLong(CellReport::engineNanos).sum();
    }
}
