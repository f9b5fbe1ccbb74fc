package arrivals.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class KendallTauTest {

    @Test
    void handCheckedSmallCases() {
        assertEquals(0, KendallTau.distance());
        assertEquals(0, KendallTau.distance(5));
        assertEquals(0, KendallTau.distance(0, 1, 2));
        assertEquals(3, KendallTau.distance(2, 1, 0));
        assertEquals(1, KendallTau.distance(1, 0, 2));
        assertEquals(2, KendallTau.distance(0, 3, 1, 2));      // (3,1) and (3,2)
        assertEquals(3, KendallTau.distance(3, 0, 1, 2));      // 3 before each of the others
        assertEquals(6, KendallTau.distance(3, 2, 1, 0));      // every one of the 6 pairs
        assertEquals(1, KendallTau.distance(List.of(7, 4)));   // only relative order matters
        assertEquals(0.0, KendallTau.normalized(0, 1, 2, 3));
        assertEquals(1.0, KendallTau.normalized(3, 2, 1, 0));
        assertEquals(1.0 / 3, KendallTau.normalized(1, 0, 2), 1e-12);
        assertEquals(2.0 / 6, KendallTau.normalized(0, 3, 1, 2), 1e-12);
        assertEquals(0.0, KendallTau.normalized(4));
        assertEquals(45, KendallTau.pairs(10));
    }

    @Test
    void duplicatesAndNullsAreRejectedByName() {
        var twice = assertThrows(IllegalArgumentException.class, () -> KendallTau.distance(0, 2, 2));
        assertTrue(twice.getMessage().contains("index 2 appears twice"), twice.getMessage());
        List<Integer> withNull = new ArrayList<>(List.of(0, 1));
        withNull.add(null);
        assertTrue(assertThrows(NullPointerException.class, () -> KendallTau.distance(withNull))
                .getMessage().contains("order[2]"));
    }

    @Property(tries = 200)
    void agreesWithCountingEveryPair(@ForAll @IntRange(min = 0, max = 60) int n, @ForAll long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i * 3); // gaps: the indices of a partial run need not be 0..n-1
        }
        Collections.shuffle(order, new Random(seed));
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (order.get(i) > order.get(j)) {
                    pairs++;
                }
            }
        }
        assertEquals(pairs, KendallTau.distance(order));
        double normalized = KendallTau.normalized(order);
        assertTrue(normalized >= 0 && normalized <= 1);
        Collections.reverse(order);
        assertEquals(KendallTau.pairs(n) - pairs, KendallTau.distance(order), "reversing swaps every pair's verdict");
    }
}
