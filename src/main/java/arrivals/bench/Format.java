package arrivals.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns figures into the text of the report: durations and sizes in a readable unit, a median with its
 * min–max range in the median's unit, and aligned Markdown tables that read well in a terminal too.
 *
 * <pre>{@code
 * Format.duration(1_234_567);                        // "1.23 ms"
 * Format.spread(new Stats.Spread(2.5e6, 2e6, 3e6, 3), Format::duration); // "2.50 ms [2.00–3.00]"
 * Format.table(List.of("a", "b"), List.of(List.of("1", "22")));
 * }</pre>
 */
final class Format {
    private Format() {
    }

    /** A unit and the number of base units (nanoseconds or bytes) it holds. */
    record Unit(String name, double size) {
    }

    /** The unit a duration of {@code nanos} reads best in. */
    static Unit timeUnit(double nanos) {
        double abs = Math.abs(nanos);
        if (abs >= 1e9) {
            return new Unit("s", 1e9);
        }
        if (abs >= 1e6) {
            return new Unit("ms", 1e6);
        }
        return abs >= 1e3 ? new Unit("µs", 1e3) : new Unit("ns", 1);
    }

    /** The unit {@code bytes} reads best in (1 KB = 1,024 bytes). */
    static Unit sizeUnit(double bytes) {
        double abs = Math.abs(bytes);
        if (abs >= 1L << 30) {
            return new Unit("GB", 1L << 30);
        }
        if (abs >= 1L << 20) {
            return new Unit("MB", 1L << 20);
        }
        return abs >= 1L << 10 ? new Unit("KB", 1L << 10) : new Unit("B", 1);
    }

    static String duration(double nanos) {
        Unit unit = timeUnit(nanos);
        return number(nanos / unit.size()) + " " + unit.name();
    }

    static String size(double bytes) {
        Unit unit = sizeUnit(bytes);
        return number(bytes / unit.size()) + " " + unit.name();
    }

    /** Three significant digits, without a long tail of zeros for large numbers: 0.0123, 1.23, 12.3, 123. */
    static String number(double value) {
        double abs = Math.abs(value);
        String pattern = abs >= 100 || abs == 0 ? "%.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3g";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** A ratio such as 0.042 or 15.3 (three significant digits). */
    static String ratio(double value) {
        return Double.isFinite(value) ? number(value) : "n/a";
    }

    /** A count with thousands separators: 1,000,000. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Which kind of figure a spread holds, and so which unit family it is printed in. */
    enum Kind {
        TIME, SIZE
    }

    /** "median [min–max]" in the median's unit, or just the median for a single run. */
    static String spread(Stats.Spread spread, Kind kind) {
        Unit unit = kind == Kind.TIME ? timeUnit(spread.median()) : sizeUnit(spread.median());
        String median = number(spread.median() / unit.size()) + " " + unit.name();
        if (spread.runs() < 2) {
            return median;
        }
        return median + " [" + number(spread.min() / unit.size()) + "–" + number(spread.max() / unit.size()) + "]";
    }

    /**
     * A Markdown table whose columns are padded to a common width, so it is aligned in a terminal as well.
     *
     * @throws IllegalArgumentException if a row has a different number of cells than {@code header}
     */
    static String table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells, the header "
                        + header.size() + ": " + row);
            }
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, header, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(Math.max(3, width)));
        }
        appendRow(out, rule, widths);
        for (List<String> row : rows) {
            appendRow(out, row, widths);
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            out.append(' ').append(cell).append(" ".repeat(Math.max(0, widths[c] - cell.length()))).append(" |");
        }
        out.append('\n');
    }
}
