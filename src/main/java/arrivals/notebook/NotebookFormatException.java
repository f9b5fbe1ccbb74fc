package arrivals.notebook;

/**
 * Thrown when a file is not a notebook the engine can run: not JSON, not nbformat 4, or with a
 * malformed cell.
 *
 * <pre>{@code
 * try {
 *     Notebook notebook = Notebook.read(Path.of("notebooks/01-intro.ipynb"));
 * } catch (NotebookFormatException e) {
 *     System.err.println(e.getMessage()); // e.g. "notebooks/01-intro.ipynb is not valid JSON: ..."
 * }
 * }</pre>
 *
 * <p>The message names the file (when known) and what is wrong, so it can be shown to a user as is.
 */
public final class NotebookFormatException extends RuntimeException {

    /** Creates an exception with a message that says what is wrong. */
    public NotebookFormatException(String message) {
        super(message);
    }

    /** Creates an exception with a message that says what is wrong, caused by {@code cause}. */
    public NotebookFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
