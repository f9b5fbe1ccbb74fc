package arrivals.notebook;

import java.util.List;

/**
 * An error a cell raised, in the shape of an nbformat {@code error} output, plus where in the cell
 * it happened so a failure report can quote the line.
 *
 * <pre>{@code
 * CellError error = run.cells().get(2).error();   // null when the cell raised nothing
 * System.out.println(error.summary() + " at cell line " + error.line() + ": " + error.sourceLine());
 * error.traceback().forEach(System.out::println);
 * }</pre>
 *
 * @param ename      the error's name: the exception class, or {@code CompilationException},
 *                   {@code CellTimeoutException}, {@code UnsupportedMagicException}, ...
 * @param evalue     the message
 * @param traceback  the lines shown under the error in Jupyter
 * @param line       the 1-based line in the cell the error points at, or 0 when unknown
 * @param sourceLine the text of that line (stripped), or empty
 */
public record CellError(String ename, String evalue, List<String> traceback, int line, String sourceLine) {

    /** Validates and copies the traceback. */
    public CellError {
        traceback = List.copyOf(traceback);
    }

    /** "ename: evalue", the one-line form. */
    public String summary() {
        return evalue.isEmpty() ? ename : ename + ": " + evalue;
    }
}
