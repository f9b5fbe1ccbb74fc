package arrivals.notebook;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Splits a cell into what the engine runs in order: line magics ({@code %classpath ...}) and code,
 * and code into JShell snippets, as IJava and JJava do.
 *
 * <p>A line whose first non-blank character is {@code %} is a magic, as in JJava (so, as there, a
 * text block line starting with {@code %} would be taken for one). Code is split with
 * {@link SourceCodeAnalysis#analyzeCompletion}: statements need their semicolons, except that a
 * trailing expression may omit it. Every part keeps its offset in the cell, so errors can name
 * cell lines.
 */
final class CellSplitter {

    /** A part of a cell: code or a magic line. */
    sealed interface Part permits Code, Magic {
    }

    /** Code between magic lines, starting at {@code offset} in the cell. */
    record Code(String text, int offset) implements Part {
    }

    /** A magic line: {@code %name args} (or {@code %%name} for a cell magic) on 1-based {@code line}. */
    record Magic(String name, String arguments, boolean cellMagic, int line) implements Part {
    }

    /** A snippet to evaluate: its source (leading whitespace removed) and offset in the cell. */
    record Snippet(String source, int offset) {
    }

    /** Complete snippets, then the unfinished rest of the code (if any) and its offset. */
    record Snippets(List<Snippet> complete, String incomplete, int incompleteOffset) {
    }

    private CellSplitter() {
    }

    static List<Part> parts(String cell) {
        List<Part> parts = new ArrayList<>();
        int codeStart = 0;
        int lineStart = 0;
        int lineNumber = 1;
        while (lineStart <= cell.length()) {
            int lineEnd = cell.indexOf('\n', lineStart);
            int next = lineEnd < 0 ? cell.length() + 1 : lineEnd + 1;
            String line = cell.substring(lineStart, lineEnd < 0 ? cell.length() : lineEnd).strip();
            if (line.startsWith("%")) {
                addCode(parts, cell.substring(codeStart, lineStart), codeStart);
                parts.add(magic(line, lineNumber));
                codeStart = Math.min(next, cell.length());
            }
            lineStart = next;
            lineNumber++;
        }
        addCode(parts, cell.substring(codeStart), codeStart);
        return parts;
    }

    static Snippets snippets(SourceCodeAnalysis analysis, Code code) {
        List<Snippet> snippets = new ArrayList<>();
        String rest = code.text();
        int position = code.offset();
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete()) {
                if (info.completeness() == Completeness.EMPTY || rest.isBlank()) {
                    return new Snippets(snippets, "", position);
                }
                int lead = leadingWhitespace(rest);
                return new Snippets(snippets, rest.substring(lead).stripTrailing(), position + lead);
            }
            String source = info.source();
            // JShell misnumbers stack-trace lines of a snippet that starts with a line break.
            int lead = leadingWhitespace(source);
            snippets.add(new Snippet(source.substring(lead), position + lead));
            position += rest.length() - info.remaining().length();
            rest = info.remaining();
        }
    }

    private static void addCode(List<Part> parts, String text, int offset) {
        if (!text.isBlank()) {
            parts.add(new Code(text, offset));
        }
    }

    private static Magic magic(String line, int lineNumber) {
        boolean cellMagic = line.startsWith("%%");
        String body = line.substring(cellMagic ? 2 : 1);
        int space = 0;
        while (space < body.length() && !Character.isWhitespace(body.charAt(space))) {
            space++;
        }
        return new Magic(body.substring(0, space), body.substring(space).strip(), cellMagic, lineNumber);
    }

    private static int leadingWhitespace(String text) {
        int lead = 0;
        while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) {
            lead++;
        }
        return lead;
    }
}
