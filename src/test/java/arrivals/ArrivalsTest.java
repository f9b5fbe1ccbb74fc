package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lock-free queue of settled slots, pushed from many threads at once and taken by one consumer. */
@Timeout(60)
class ArrivalsTest {
    private static final int PUSHERS = 4;

    /** Slots of a run that is never started: the queue only needs their fields and the run's clock. */
    private static Run<Integer> idleRun(int n) {
        List<Callable<Integer>> tasks = new ArrayList<>(Collections.nCopies(n, () -> 0));
        return Run.ofCallables("test", tasks, Options.defaults(), false);
    }

    @Test
    void everySlotIsTakenOnceInTheOrderOfItsFinishStamp() throws Exception {
        int n = 200_000;
        Run<Integer> run = idleRun(n);
        Arrivals<Integer> arrivals = new Arrivals<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> pushers = new ArrayList<>();
        for (int p = 0; p < PUSHERS; p++) {
            int first = p;
            pushers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = first; i < n; i += PUSHERS) {
                    arrivals.push(run.slot(i), run);
                }
            }));
        }
        go.countDown();
        boolean[] seen = new boolean[n];
        long lastStamp = Long.MIN_VALUE;
        for (int taken = 0; taken < n; taken++) {
            Slot<Integer> slot = arrivals.take(() -> false); // parks whenever the pushers fall behind
            assertFalse(seen[slot.index], "slot " + slot.index + " taken twice");
            seen[slot.index] = true;
            assertTrue(slot.finishedNanos >= lastStamp, "slot " + slot.index + " was stamped " + slot.finishedNanos
                    + " ns but taken after one stamped " + lastStamp + " ns");
            lastStamp = slot.finishedNanos;
            assertEquals(taken + 1, slot.settledSoFar, "the count carried by the slots");
            assertNull(slot.next, "a taken slot must not keep the next one alive");
        }
        for (Thread t : pushers) {
            t.join();
        }
        assertEquals(n, arrivals.settled());
    }

    @Test
    void anInterruptedConsumerIsToldAndTakesNothing() throws Exception {
        Run<Integer> run = idleRun(1);
        Arrivals<Integer> arrivals = new Arrivals<>();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> arrivals.take(() -> false));
        assertFalse(Thread.interrupted(), "the interrupt is reported by the exception");
        arrivals.push(run.slot(0), run);
        assertEquals(0, arrivals.take(() -> false).index, "the slot pushed after the interrupt is still there");
    }

    @Test
    void aParkedConsumerIsWokenByThePushItWaitsFor() throws Exception {
        Run<Integer> run = idleRun(3);
        Arrivals<Integer> arrivals = new Arrivals<>();
        Thread pusher = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 3; i++) {
                try {
                    Thread.sleep(20); // the consumer is parked by then, most runs; either way it must wake
                } catch (InterruptedException e) {
                    return;
                }
                arrivals.push(run.slot(i), run);
            }
        });
        arrivals.awaitSettled(3);
        assertEquals(3, arrivals.settled());
        pusher.join();
    }
}
