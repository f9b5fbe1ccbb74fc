package arrivals.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

class StatsTest {

    @Test
    void nearestRankPercentilesOfTenValues() {
        long[] values = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
        assertEquals(1, Stats.percentile(values, 1));
        assertEquals(1, Stats.percentile(values, 10));
        assertEquals(2, Stats.percentile(values, 10.01), "just past a rank boundary moves to the next value");
        assertEquals(5, Stats.percentile(values, 50));
        assertEquals(10, Stats.percentile(values, 99));
        assertEquals(10, Stats.percentile(values, 100));
        assertArrayEquals(new long[] {10, 1, 9, 2, 8, 3, 7, 4, 6, 5}, values, "the input is left unsorted");
    }

    @Test
    void percentileRejectsNoValuesAndPercentsOutsideTheRange() {
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new long[0], 50));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new long[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new long[] {1}, 100.5));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new long[] {1}, Double.NaN));
    }

    @Property
    void aPercentileIsAnObservedValueWithEnoughValuesAtOrBelowIt(
            @ForAll @Size(min = 1, max = 200) List<Long> list, @ForAll @DoubleRange(min = 0.5, max = 100) double p) {
        long[] values = list.stream().mapToLong(Long::longValue).toArray();
        long q = Stats.percentile(values, p);
        assertEquals(true, Arrays.stream(values).anyMatch(v -> v == q), "not an observed value");
        long atOrBelow = Arrays.stream(values).filter(v -> v <= q).count();
        long below = Arrays.stream(values).filter(v -> v < q).count();
        assertEquals(true, atOrBelow >= p / 100 * values.length, "fewer than p% at or below it");
        assertEquals(true, below < p / 100 * values.length, "a smaller value would have done");
    }

    @Test
    void spreadOfAnOddAndAnEvenNumberOfRuns() {
        assertEquals(new Stats.Spread(2, 1, 3, 3), Stats.spread(new double[] {3, 1, 2}));
        assertEquals(new Stats.Spread(2.5, 1, 4, 4), Stats.spread(new double[] {4, 1, 3, 2}));
        assertEquals(new Stats.Spread(7, 7, 7, 1), Stats.spread(new double[] {7}));
        assertThrows(IllegalArgumentException.class, () -> Stats.spread(new double[0]));
    }
}
