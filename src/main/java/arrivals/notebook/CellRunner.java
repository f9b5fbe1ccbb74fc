package arrivals.notebook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import jdk.jshell.Diag;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * Runs one code cell in a session, as a Java kernel would: magic lines and snippets in order,
 * stopping at the first compile error, exception or magic error; the value of a trailing
 * expression becomes the cell's {@code execute_result}.
 *
 * <p>Like JJava, only the last snippet's value counts, and only when it is an expression (a
 * variable name, or an expression JShell stores in a {@code $n} variable): {@code x}, {@code 1 + 1}
 * or {@code f()} with a non-void result, with or without a semicolon. A null value shows nothing.
 * Declarations whose dependencies are missing count as compile errors, as in IJava, so a notebook
 * that passes here passes on both kernels.
 */
final class CellRunner {

    private static final Set<Snippet.SubKind> VALUE_KINDS = Set.of(
            Snippet.SubKind.VAR_VALUE_SUBKIND,
            Snippet.SubKind.OTHER_EXPRESSION_SUBKIND,
            Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);

    private static final Object NO_VALUE = new Object();

    private final JShellSession session;
    private final Displays displays;
    private final Path notebookFolder;
    private final Duration timeout;
    private final SnippetLocations locations = new SnippetLocations();

    /** What running a cell produced. */
    record CellRun(CellOutputs outputs, CellError error, long totalNanos, long userNanos) {
    }

    CellRunner(JShellSession session, Displays displays, Path notebookFolder, Duration timeout) {
        this.session = session;
        this.displays = displays;
        this.notebookFolder = notebookFolder;
        this.timeout = timeout;
    }

    CellRun run(int cellNumber, String source, int executionCount) {
        SourceLines lines = new SourceLines(source);
        CellOutputs outputs = new CellOutputs();
        CellExecutionControl control = session.control();
        long start = System.nanoTime();
        control.startCell(timeout.toNanos());
        CellError error = null;
        displays.enterCell(outputs);
        OutputCapture.routeTo(outputs);
        try {
            Object value = NO_VALUE;
            for (CellSplitter.Part part : CellSplitter.parts(source)) {
                value = NO_VALUE;
                if (part instanceof CellSplitter.Magic magic) {
                    error = Magics.run(magic, session, notebookFolder, lines);
                } else {
                    Evaluated evaluated = runCode((CellSplitter.Code) part, cellNumber, lines);
                    error = evaluated.error();
                    value = evaluated.value();
                }
                if (error != null) {
                    break;
                }
            }
            if (error == null && value != NO_VALUE && value != null) {
                error = addResult(outputs, value, executionCount, lines);
            }
        } finally {
            OutputCapture.stopRouting();
            displays.leaveCell();
        }
        if (error != null) {
            outputs.addError(error);
        }
        return new CellRun(outputs, error, System.nanoTime() - start, control.userNanos());
    }

    private record Evaluated(CellError error, Object value) {
    }

    private Evaluated runCode(CellSplitter.Code code, int cellNumber, SourceLines lines) {
        CellSplitter.Snippets snippets = CellSplitter.snippets(session.analysis(), code);
        Object value = NO_VALUE;
        for (CellSplitter.Snippet snippet : snippets.complete()) {
            Evaluated evaluated = evaluate(snippet, cellNumber, lines);
            if (evaluated.error() != null) {
                return evaluated;
            }
            value = evaluated.value();
        }
        if (!snippets.incomplete().isEmpty()) {
            return new Evaluated(CellErrors.incomplete(snippets.incomplete(), snippets.incompleteOffset(), lines),
                    NO_VALUE);
        }
        return new Evaluated(null, value);
    }

    private Evaluated evaluate(CellSplitter.Snippet snippet, int cellNumber, SourceLines lines) {
        CellExecutionControl control = session.control();
        try {
            List<SnippetEvent> events = session.eval(snippet.source());
            SnippetEvent event = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
            if (event == null) {
                return new Evaluated(null, NO_VALUE);
            }
            locations.add(event.snippet().id(), cellNumber, lines, snippet.offset());
            if (control.timeout() != null) {
                return new Evaluated(CellErrors.timeout(timeout, control.timeout(), snippet, lines), NO_VALUE);
            }
            if (event.exception() != null) {
                return new Evaluated(CellErrors.exception(event.exception(), cellNumber, snippet, lines, locations),
                        NO_VALUE);
            }
            if (event.status() == Snippet.Status.REJECTED) {
                List<Diag> errors = session.diagnostics(event.snippet()).stream().filter(Diag::isError).toList();
                return new Evaluated(CellErrors.compilation(errors, snippet, lines), NO_VALUE);
            }
            if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                return new Evaluated(CellErrors.unresolved(session.unresolvedDependencies(event.snippet()), snippet,
                        lines), NO_VALUE);
            }
            if (!VALUE_KINDS.contains(event.snippet().subKind())) {
                return new Evaluated(null, NO_VALUE);
            }
            CellExecutionControl.Result result = control.takeResult(event.value());
            return new Evaluated(null, result != null ? result.value() : event.value());
        } finally {
            control.clearResults();
        }
    }

    private static CellError addResult(CellOutputs outputs, Object value, int executionCount, SourceLines lines) {
        try {
            outputs.addResult(MimeRenderer.render(value), executionCount);
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            return CellErrors.engineSide(e, "showing the cell's value", lines.lineOf(Integer.MAX_VALUE), lines);
        }
    }
}
