package arrivals.notebook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Builds the {@link CellError} for each way a cell can fail, with a traceback that points at cell
 * lines instead of JShell's snippet numbers.
 */
final class CellErrors {

    static final String COMPILATION = "CompilationException";
    static final String TIMEOUT = "CellTimeoutException";
    static final String UNSUPPORTED_MAGIC = "UnsupportedMagicException";
    static final String CLASSPATH = "ClasspathMagicException";

    private static final int MAX_FRAMES = 40;

    private CellErrors() {
    }

    /** A snippet that did not compile; lists every error with a caret under the code. */
    static CellError compilation(List<Diag> errors, CellSplitter.Snippet snippet, SourceLines lines) {
        List<String> traceback = new ArrayList<>();
        int firstLine = 0;
        String firstMessage = "";
        for (Diag diag : errors) {
            long position = diag.getStartPosition() >= 0 ? diag.getStartPosition() : diag.getPosition();
            int start = snippet.offset() + (int) Math.max(0, position);
            int end = snippet.offset() + (int) Math.max(position + 1, diag.getEndPosition());
            int line = lines.lineOf(start);
            List<String> message = messageLines(diag.getMessage(null));
            if (firstLine == 0) {
                firstLine = line;
                firstMessage = message.isEmpty() ? "" : message.get(0);
            }
            traceback.add("Compilation error at cell line " + line + ":");
            traceback.add("    " + lines.line(line));
            traceback.add("    " + caret(lines, start, end));
            traceback.addAll(message);
        }
        if (firstLine == 0) {
            firstLine = lines.lineOf(snippet.offset());
            firstMessage = "the code does not compile";
            traceback.add("Compilation error at cell line " + firstLine + ": " + lines.line(firstLine));
        }
        return new CellError(COMPILATION, firstMessage, traceback, firstLine, lines.line(firstLine).strip());
    }

    /** A declaration that compiled but needs names nobody declared yet. */
    static CellError unresolved(List<String> missing, CellSplitter.Snippet snippet, SourceLines lines) {
        int line = lines.lineOf(snippet.offset());
        String message = "this declaration uses " + String.join(", ", missing) + ", which is not defined";
        List<String> traceback = List.of(
                "Compilation error at cell line " + line + ":",
                "    " + lines.line(line),
                message + " (define it in this or an earlier cell)");
        return new CellError(COMPILATION, message, traceback, line, lines.line(line).strip());
    }

    /** Code left over at the end of a cell that is not a complete snippet (a missing ';' or '}'). */
    static CellError incomplete(String rest, int offset, SourceLines lines) {
        int line = lines.lineOf(offset);
        List<String> traceback = new ArrayList<>();
        traceback.add("Incomplete code at cell line " + line + " (a missing ';', ')' or '}'?):");
        rest.lines().limit(5).forEach(text -> traceback.add("    " + text));
        String message = "incomplete code at the end of the cell";
        return new CellError(COMPILATION, message, traceback, line, lines.line(line).strip());
    }

    /** An exception thrown by cell code, with its cell frames mapped to cell lines. */
    static CellError exception(JShellException thrown, int cellNumber, CellSplitter.Snippet snippet,
            SourceLines lines, SnippetLocations locations) {
        List<String> traceback = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        String prefix = "";
        for (Throwable t = thrown; t != null && seen.put(t, true) == null; t = t.getCause()) {
            traceback.add(prefix + header(t));
            addFrames(traceback, t.getStackTrace(), locations);
            prefix = "Caused by: ";
        }
        int line = firstLineInCell(thrown.getStackTrace(), cellNumber, locations)
                .orElse(lines.lineOf(snippet.offset()));
        String message = thrown instanceof UnresolvedReferenceException unresolved
                ? unresolvedMessage(unresolved)
                : String.valueOf(thrown.getMessage());
        return new CellError(className(thrown), message, traceback, line, lines.line(line).strip());
    }

    /** A cell whose code used up its time budget and was stopped. */
    static CellError timeout(Duration limit, CellExecutionControl.Timeout timeout, CellSplitter.Snippet snippet,
            SourceLines lines) {
        int line = lines.lineOf(snippet.offset());
        String message = "the cell's code ran longer than the " + seconds(limit) + " timeout";
        List<String> traceback = new ArrayList<>();
        traceback.add(TIMEOUT + ": " + message + ", so the engine stopped it while it ran the code at cell line "
                + line + ":");
        traceback.add("    " + lines.line(line));
        if (timeout.stillRunning()) {
            traceback.add(timeout.stopSupported()
                    ? "Its thread did not stop (a loop in library code?) and is left running in the background."
                    : "Its thread ignored the interrupt and is left running in the background "
                            + "(this JDK's JShell offers no other way to stop it).");
        }
        traceback.add("Raise the limit with --timeout SECONDS or -Darrivals.notebook.timeout=SECONDS.");
        return new CellError(TIMEOUT, message, traceback, line, lines.line(line).strip());
    }

    /** A magic line that is not supported or failed. */
    static CellError magic(String ename, String message, int line, SourceLines lines) {
        List<String> traceback = List.of(
                ename + " at cell line " + line + ":",
                "    " + lines.line(line),
                message);
        return new CellError(ename, message, traceback, line, lines.line(line).strip());
    }

    /** An exception in the engine's own handling of a cell's value (e.g. a toString that throws). */
    static CellError engineSide(Throwable thrown, String doing, int line, SourceLines lines) {
        List<String> traceback = new ArrayList<>();
        traceback.add("While " + doing + ": " + header(thrown));
        StackTraceElement[] frames = thrown.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 8); i++) {
            traceback.add("    at " + frames[i]);
        }
        return new CellError(thrown.getClass().getName(), String.valueOf(thrown.getMessage()), traceback, line,
                lines.line(line).strip());
    }

    private static void addFrames(List<String> traceback, StackTraceElement[] frames, SnippetLocations locations) {
        int shown = Math.min(frames.length, MAX_FRAMES);
        for (int i = 0; i < shown; i++) {
            traceback.add("    at " + frame(frames[i], locations));
        }
        if (frames.length > shown) {
            traceback.add("    ... " + (frames.length - shown) + " more");
        }
    }

    private static String frame(StackTraceElement frame, SnippetLocations locations) {
        Optional<SnippetLocations.Location> location = locations.ofFrameFile(frame.getFileName());
        if (location.isEmpty()) {
            return frame.getFileName() != null && frame.getFileName().startsWith("#")
                    ? "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")"
                    : frame.toString();
        }
        SnippetLocations.Location at = location.get();
        int line = at.cellLine(frame.getLineNumber());
        String place = "cell " + at.cellNumber() + ", line " + line;
        String code = at.cellLines().line(line).strip();
        String where = where(frame);
        return (where.isEmpty() ? place : where + " (" + place + ")") + ": " + code;
    }

    /** "C.get", "f", "lambda in f", or "" for a cell's top-level code. */
    private static String where(StackTraceElement frame) {
        String method = frame.getMethodName();
        String owner = frame.getClassName() == null ? "" : frame.getClassName();
        if (method.startsWith("lambda$")) {
            String enclosing = method.substring("lambda$".length(), Math.max("lambda$".length(), method.lastIndexOf('$')));
            enclosing = enclosing.replace("$", "");
            method = enclosing.isEmpty() || enclosing.startsWith("do_it") ? "lambda" : "lambda in " + enclosing;
        } else if (method.startsWith("do_it$")) {
            method = "";
        }
        if (owner.isEmpty()) {
            return method;
        }
        return method.isEmpty() ? owner : owner + "." + method;
    }

    private static Optional<Integer> firstLineInCell(StackTraceElement[] frames, int cellNumber,
            SnippetLocations locations) {
        for (StackTraceElement frame : frames) {
            Optional<SnippetLocations.Location> location = locations.ofFrameFile(frame.getFileName());
            if (location.isPresent() && location.get().cellNumber() == cellNumber) {
                return Optional.of(location.get().cellLine(frame.getLineNumber()));
            }
        }
        return Optional.empty();
    }

    private static String header(Throwable t) {
        String message = t instanceof UnresolvedReferenceException unresolved
                ? unresolvedMessage(unresolved)
                : t.getMessage();
        return message == null ? className(t) : className(t) + ": " + message;
    }

    private static String className(Throwable t) {
        return t instanceof EvalException eval ? eval.getExceptionClassName() : t.getClass().getSimpleName();
    }

    private static String unresolvedMessage(UnresolvedReferenceException e) {
        return e.getSnippet().source().lines().findFirst().orElse("").strip()
                + " cannot be used until what it refers to is defined";
    }

    /** A diagnostic's lines without javac's "location:" line, which the caret already shows. */
    private static List<String> messageLines(String message) {
        List<String> result = new ArrayList<>();
        for (String line : message.split("\n")) {
            if (!line.strip().startsWith("location:") && !line.isBlank()) {
                result.add(line);
            }
        }
        return result;
    }

    private static String caret(SourceLines lines, int start, int end) {
        int line = lines.lineOf(start);
        int column = lines.columnOf(start);
        int lineLength = lines.line(line).length();
        int width = Math.max(1, Math.min(end, start + lineLength - column) - start);
        return " ".repeat(column) + "^".repeat(width);
    }

    /** "120 s" or "1.5 s". */
    static String seconds(Duration limit) {
        long millis = limit.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
