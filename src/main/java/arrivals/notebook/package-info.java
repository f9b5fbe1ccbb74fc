/**
 * A headless engine for the course's Jupyter notebooks: it runs the code cells of an nbformat 4
 * notebook in one in-process JShell session, the way the IJava and JJava kernels (kernel name
 * {@code java}) do, and writes an executed copy with Jupyter outputs.
 *
 * <pre>{@code
 * NotebookRun run = NotebookExecutor.withDefaults().execute(Path.of("notebooks/01-intro.ipynb"));
 * ExecutedNotebookWriter.write(run.executed(), Path.of("target/executed/01-intro.ipynb"));
 * run.failure().ifPresent(failure -> System.err.println(failure.describe()));
 * }</pre>
 *
 * <p>What cells can use, as in JJava: {@code display(Object)} (returns an id),
 * {@code display(Object, String... mimeTypes)}, {@code updateDisplay(String id, Object)} and
 * {@code %classpath <path or glob>}; see {@link arrivals.notebook.NotebookFunctions}. Other magics
 * (such as {@code %maven}) fail with a message saying what to use instead. From the command line,
 * {@link arrivals.notebook.CourseMain} runs every notebook of the course.
 */
package arrivals.notebook;
