package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;

/** Invariants every sequence of completions must satisfy, whatever produced it. */
final class ProofChecks {
    private ProofChecks() {
    }

    /**
     * Arrival positions run 0..k-1; no task arrives twice; when the consumer drained the run, every task arrived;
     * and each completion's times are in order (started, finished, received).
     */
    static void arrivals(List<? extends Completion<?>> got, int size, int expectedCount, String context) {
        assertEquals(expectedCount, got.size(), context + ": number of completions received");
        BitSet seen = new BitSet(size);
        for (int a = 0; a < got.size(); a++) {
            Completion<?> c = got.get(a);
            assertEquals(a, c.arrival(), context + ": arrival position of " + c);
            assertTrue(c.index() >= 0 && c.index() < size, context + ": index out of range in " + c);
            assertFalse(seen.get(c.index()), context + ": task " + c.index() + " delivered twice");
            seen.set(c.index());
            assertFalse(c.received().compareTo(c.finished()) < 0, context + ": received before finished: " + c);
            c.started().ifPresent(s -> assertFalse(c.finished().compareTo(s) < 0,
                    context + ": finished before it started: " + c));
        }
    }

    /**
     * Results are handed over in the order their outcomes were settled: a completion is never delivered before
     * one that finished earlier. Completion.finished() is the settling time, on one monotonic clock.
     */
    static void finishingOrder(List<? extends Completion<?>> got, String context) {
        for (int a = 1; a < got.size(); a++) {
            Duration before = got.get(a - 1).finished();
            Duration now = got.get(a).finished();
            if (now.compareTo(before) < 0) {
                fail(context + ": " + got.get(a) + " finished at " + now.toNanos() + " ns but was delivered after "
                        + got.get(a - 1) + ", which finished later, at " + before.toNanos() + " ns");
            }
        }
    }

    static String expectedName(int index, boolean named) {
        return named ? ProofProbe.nameOf(index) : "#" + index;
    }
}
