package arrivals.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelaysTest {

    @Test
    void theSameSeedGivesTheSameDelaysWhateverOrderTheyAreAskedIn() {
        Delays delays = Delays.uniformSeconds(1, 5, 42);
        List<Duration> forwards = delays.first(50);
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            positions.add(i);
        }
        Collections.reverse(positions);
        Delays again = Delays.uniformSeconds(1, 5, 42);
        for (int i : positions) {
            assertEquals(forwards.get(i), again.get(i), "position " + i);
        }
        assertNotEquals(forwards, Delays.uniformSeconds(1, 5, 43).first(50), "another seed, other delays");
    }

    @Test
    void uniformMillisDrawsWholeMillisecondsWithinTheBounds() {
        Delays delays = Delays.uniformMillis(100, 500, 42);
        for (Duration d : delays.first(200)) {
            assertTrue(d.toMillis() >= 100 && d.toMillis() <= 500, d::toString);
            assertEquals(0, d.toNanos() % 1_000_000, d::toString);
        }
        assertEquals(Delays.uniform(Duration.ofMillis(100), Duration.ofMillis(500), 42).first(50), delays.first(50));
        assertThrows(IllegalArgumentException.class, () -> Delays.uniformMillis(5, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Delays.uniformMillis(-1, 1, 0));
    }

    @Test
    void randomDelaysStayWithinTheBoundsAtMillisecondResolutionAndSpreadOut() {
        Delays delays = Delays.uniform(Duration.ofMillis(100), Duration.ofMillis(110), 7);
        boolean sawMin = false, sawMax = false;
        for (Duration d : delays.first(500)) {
            assertTrue(d.compareTo(Duration.ofMillis(100)) >= 0 && d.compareTo(Duration.ofMillis(110)) <= 0, d::toString);
            assertEquals(0, d.toNanos() % 1_000_000, "whole milliseconds: " + d);
            sawMin |= d.equals(Duration.ofMillis(100));
            sawMax |= d.equals(Duration.ofMillis(110));
        }
        assertTrue(sawMin && sawMax, "both bounds are included");
    }

    @Test
    void finishingOrderIsByDelayThenByIndex() {
        Delays delays = Delays.ofMillis(300, 100, 300, 100, 200);
        assertEquals(List.of(1, 3, 4, 0, 2), delays.finishingOrder(5));
        assertEquals(List.of(1, 0), delays.finishingOrder(2));
    }

    @Test
    void fixedDelaysEndAndSaySo() {
        Delays delays = Delays.ofSeconds(3, 1, 2);
        assertEquals(3, delays.size());
        assertEquals(Duration.ofSeconds(1), delays.get(1));
        var beyond = assertThrows(IndexOutOfBoundsException.class, () -> delays.get(3));
        assertTrue(beyond.getMessage().contains("3 fixed delays"), beyond.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> delays.first(4));
    }

    @Test
    void badArgumentsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Delays.uniformSeconds(5, 1, 0))
                .getMessage().contains("min must not exceed max"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Delays.uniformSeconds(-1, 1, 0))
                .getMessage().contains("min"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Delays.ofSeconds(1, Double.NaN))
                .getMessage().contains("seconds[1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Delays.ofMillis(1, -5))
                .getMessage().contains("delays[1]"));
        assertThrows(IllegalArgumentException.class, Delays::ofMillis);
        assertThrows(IllegalArgumentException.class, () -> Delays.ofMillis(1).first(-1));
    }
}
