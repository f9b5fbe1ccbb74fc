package arrivals.notebook;

import java.util.ArrayList;
import java.util.List;

/** Maps character offsets in a cell's source to line numbers and line texts, for error messages. */
final class SourceLines {

    private final String text;
    private final List<Integer> lineStarts = new ArrayList<>();

    SourceLines(String text) {
        this.text = text;
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    /** The 1-based line holding {@code offset} (offsets past the end count as the last line). */
    int lineOf(int offset) {
        int line = 0;
        while (line + 1 < lineStarts.size() && lineStarts.get(line + 1) <= offset) {
            line++;
        }
        return line + 1;
    }

    /** The 0-based column of {@code offset} within its line. */
    int columnOf(int offset) {
        return offset - lineStarts.get(lineOf(offset) - 1);
    }

    /** The text of 1-based {@code line}, without its line end; empty when out of range. */
    String line(int line) {
        if (line < 1 || line > lineStarts.size()) {
            return "";
        }
        int start = lineStarts.get(line - 1);
        int end = line < lineStarts.size() ? lineStarts.get(line) - 1 : text.length();
        String result = text.substring(start, Math.max(start, end));
        return result.endsWith("\r") ? result.substring(0, result.length() - 1) : result;
    }
}
