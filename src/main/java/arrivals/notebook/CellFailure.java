package arrivals.notebook;

/**
 * Why a notebook failed: the first cell that failed, the line it points at, and the reason.
 *
 * <pre>{@code
 * run.failure().ifPresent(failure -> System.err.println(failure.describe()));
 * // notebooks/02-gather.ipynb, cell 7 (In [5]), line 3: int n = results.size() / 0;
 * //   java.lang.ArithmeticException: / by zero
 * }</pre>
 *
 * @param notebook       the notebook's name (its path as given)
 * @param cellNumber     1-based position of the cell in the notebook, or 0 if no cell was running
 * @param executionCount the cell's {@code In [n]} number
 * @param line           1-based line in the cell, or 0 when unknown
 * @param sourceLine     that line's code, or empty
 * @param reason         the error ({@code ename: evalue}) or why a tagged cell failed
 */
public record CellFailure(String notebook, int cellNumber, int executionCount, int line, String sourceLine,
        String reason) {

    /** A two-line, human-readable description (no stack trace). */
    public String describe() {
        StringBuilder text = new StringBuilder(notebook);
        if (cellNumber > 0) {
            text.append(", cell ").append(cellNumber);
        }
        if (executionCount > 0) {
            text.append(" (In [").append(executionCount).append("])");
        }
        if (line > 0) {
            text.append(", line ").append(line);
            if (!sourceLine.isEmpty()) {
                text.append(": ").append(sourceLine);
            }
        }
        return text.append("\n  ").append(reason.replace("\n", "\n  ")).toString();
    }
}
