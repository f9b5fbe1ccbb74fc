package arrivals;

import static arrivals.Work.cancellable;
import static arrivals.Work.failing;
import static arrivals.Work.sleeping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GatherTest {

    /**
     * Without a listener, Gather launches every task from the caller's thread (no launcher thread). An interrupted
     * caller must still get its InterruptedException at once, and must not start the tasks it was handed.
     */
    @Test
    void anInterruptedCallerLaunchesNothingAndIsTold() {
        AtomicInteger calls = new AtomicInteger();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            tasks.add(calls::incrementAndGet);
        }
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Gather.all(tasks));
        assertEquals(0, calls.get(), "tasks ran although the caller was interrupted before the call");
        assertTrue(!Thread.interrupted(), "the interrupt was reported by the exception, so the flag is clear");
    }

    /** The caller launches a large input itself; every task runs once, and the values come back in input order. */
    @Test
    void aLargeInputLaunchedByTheCallerComesBackInInputOrder() throws Exception {
        List<Callable<Integer>> tasks = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 20_000; i++) {
            int value = i;
            tasks.add(() -> {
                calls.incrementAndGet();
                return value;
            });
        }
        List<Integer> values = Gather.all(tasks);
        assertEquals(20_000, calls.get());
        for (int i = 0; i < values.size(); i++) {
            assertEquals(i, values.get(i));
        }
    }

    @Test
    void allReturnsInputOrderWhateverTheDelays() throws Exception {
        var tasks = List.of(sleeping("slow", 400), sleeping("fast", 50), sleeping("middle", 200));
        assertEquals(List.of("slow", "fast", "middle"), Gather.all(tasks));
    }

    @Test
    void allRunsTasksConcurrently() throws Exception {
        // Ten 300 ms tasks one after another would take 3 s; together they take about 300 ms.
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(sleeping("t" + i, 300));
        }
        long start = System.nanoTime();
        assertEquals(10, Gather.all(tasks).size());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_500, "ten 300 ms tasks took " + millis + " ms; they did not overlap");
    }

    @Test
    void firstFailureCancelsSiblingsWaitsForThemAndSurfacesTheOriginal() {
        AtomicInteger interrupted = new AtomicInteger();
        IOException boom = new IOException("boom");
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(2);
        var tasks = List.of(cancellable("a", interrupted, started), Work.failingAfter("bad", started, boom),
                cancellable("b", interrupted, started));
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> Gather.all(tasks));
        assertSame(boom, e.getCause());
        assertEquals(1, e.index());
        assertEquals("bad", e.taskName());
        assertTrue(e.getMessage().contains("bad") && e.getMessage().contains("boom"), e.getMessage());
        // Counted when each sibling caught its interrupt, so both had stopped before Gather.all returned.
        assertEquals(2, interrupted.get());
    }

    @Test
    void settledNeverThrowsForATaskAndKeepsInputOrder() throws Exception {
        IOException boom = new IOException("boom");
        var tasks = List.of(sleeping("ok", 100), failing("bad", 10, boom), sleeping("also ok", 30));
        List<Outcome<String>> outcomes = Gather.settled(tasks);
        assertEquals(new Outcome.Success<>("ok"), outcomes.get(0));
        assertSame(boom, ((Outcome.Failure<String>) outcomes.get(1)).exception());
        assertEquals("also ok", outcomes.get(2).orElse("?"));
    }

    @Test
    void timeoutCancelsStragglers() throws Exception {
        AtomicInteger interrupted = new AtomicInteger();
        var tasks = List.of(sleeping("quick", 10), cancellable("stuck", interrupted), cancellable("stuck too", interrupted));
        var options = Options.defaults().timeout(Duration.ofMillis(200));
        DeadlineExceededException e = assertThrows(DeadlineExceededException.class, () -> Gather.all(tasks, options));
        assertEquals(List.of(1, 2), e.unfinished());
        assertEquals(Duration.ofMillis(200), e.timeout());
        assertEquals(2, interrupted.get());

        List<Outcome<String>> outcomes = Gather.settled(tasks, options);
        assertEquals("quick", outcomes.get(0).orElse(null));
        assertInstanceOf(Outcome.TimedOut.class, outcomes.get(1));
        assertInstanceOf(Outcome.TimedOut.class, outcomes.get(2));
    }

    @Test
    void interruptedCallerCancelsEverythingAndThrowsInterruptedException() {
        AtomicInteger interrupted = new AtomicInteger();
        Thread caller = Thread.currentThread();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                return;
            }
            caller.interrupt();
        });
        assertThrows(InterruptedException.class,
                () -> Gather.all(List.of(cancellable("a", interrupted), cancellable("b", interrupted))));
        assertEquals(2, interrupted.get());
    }

    @Test
    void progressTicksWhileGatherWaits() throws Exception {
        List<Integer> done = new ArrayList<>();
        Gather.all(List.of(sleeping("a", 10), sleeping("b", 40)),
                Options.defaults().onProgress((d, total) -> done.add(d)));
        assertEquals(List.of(1, 2), done);
    }

    @Test
    void emptyInputReturnsAnEmptyList() throws Exception {
        assertEquals(List.of(), Gather.all(List.of()));
        assertEquals(List.of(), Gather.settled(List.of()));
    }

    @Test
    void nullResultsAreKept() throws Exception {
        Callable<String> nothing = () -> null;
        assertEquals(Arrays.asList(null, "x"), Gather.all(List.of(nothing, () -> "x")));
    }
}
