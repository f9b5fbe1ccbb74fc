package arrivals.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void durationsAndSizesPickAReadableUnit() {
        assertEquals("850 ns", Format.duration(850));
        assertEquals("1.23 µs", Format.duration(1_234));
        assertEquals("12.3 ms", Format.duration(12_345_678));
        assertEquals("1.50 s", Format.duration(1.5e9));
        assertEquals("512 B", Format.size(512));
        assertEquals("1.00 KB", Format.size(1024));
        assertEquals("1.39 GB", Format.size(1.39 * (1L << 30)));
        assertEquals("0.0421", Format.number(0.04213));
        assertEquals("1,000,000", Format.count(1_000_000));
    }

    @Test
    void aSpreadIsPrintedInTheMediansUnit() {
        assertEquals("2.50 ms [0.900–3.00]",
                Format.spread(new Stats.Spread(2.5e6, 0.9e6, 3e6, 3), Format.Kind.TIME));
        assertEquals("452 B", Format.spread(new Stats.Spread(452, 452, 452, 1), Format.Kind.SIZE),
                "a single run has no range");
    }

    @Test
    void tablesArePaddedMarkdown() {
        String table = Format.table(List.of("N", "implementation"),
                List.of(List.of("1,000", "`a`"), List.of("10", "`longer-name`")));
        List<String> lines = table.lines().toList();
        assertEquals(List.of(
                "| N     | implementation |",
                "| ----- | -------------- |",
                "| 1,000 | `a`            |",
                "| 10    | `longer-name`  |"), lines);
    }

    @Test
    void aRowOfTheWrongWidthIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Format.table(List.of("a", "b"), List.of(List.of("only one"))));
        assertEquals(true, e.getMessage().contains("1 cells, the header 2"), e.getMessage());
    }
}
