package arrivals.notebook;

/**
 * How one code cell fared in a {@link NotebookRun}.
 *
 * <pre>{@code
 * for (CellReport cell : run.ranCells()) {
 *     System.out.printf("cell %d: %s, %d ms in its code, %d ms in the engine%n", cell.cellNumber(),
 *             cell.status(), cell.userNanos() / 1_000_000, cell.engineNanos() / 1_000_000);
 * }
 * }</pre>
 *
 * @param cellNumber     1-based position of the cell in the notebook
 * @param executionCount the cell's {@code In [n]} number, or 0 if it did not run
 * @param status         what happened
 * @param error          the error the cell raised, or null
 * @param totalNanos     wall time from the start to the end of the cell
 * @param userNanos      part of it spent running the cell's own code (the rest is the engine:
 *                       splitting, compiling, loading, rendering)
 */
public record CellReport(int cellNumber, int executionCount, Status status, CellError error, long totalNanos,
        long userNanos) {

    /** The outcome of a cell. */
    public enum Status {
        /** Ran without error. */
        PASSED,
        /** Tagged {@code raises-exception} and raised, as expected. */
        RAISED_AS_EXPECTED,
        /** Raised an error without the tag, or has the tag and did not raise. */
        FAILED,
        /** Tagged {@code skip-execution}, empty, or after an earlier failure: not run. */
        NOT_RUN
    }

    /** Wall time of the cell not spent in its own code. */
    public long engineNanos() {
        return Math.max(0, totalNanos - userNanos);
    }
}
