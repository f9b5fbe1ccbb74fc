package arrivals.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniTest {

    @Test
    void oneRowPerSizeInTheOrderGiven() {
        List<Mini.Row> rows = Mini.anyOfVsQueue(40, 10, 20);
        assertEquals(List.of(40, 10, 20), rows.stream().map(Mini.Row::n).toList());
        for (Mini.Row row : rows) {
            assertTrue(row.anyOfMillis() >= 0 && row.queueMillis() >= 0, row.toString());
        }
        String table = Mini.table(rows);
        assertEquals(2 + rows.size(), table.lines().count(), table);
    }

    @Test
    void theChartRendersWithoutADisplay() {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = Mini.chart(List.of(new Mini.Row(10, 2, 1), new Mini.Row(20, 8, 2)));
        assertTrue(image.getWidth() > 0 && image.getHeight() > 0);
    }

    @Test
    void badSizesAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> Mini.anyOfVsQueue(new int[0]));
        var e = assertThrows(IllegalArgumentException.class, () -> Mini.anyOfVsQueue(10, 0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }
}
