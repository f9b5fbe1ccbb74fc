package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link AsCompleted#ofAsync}: the run starts asynchronous work itself, with no thread per task. */
@Timeout(30)
class AsCompletedAsyncTest {

    /** Starters whose futures the test completes by hand, so the finishing order is the test's choice. */
    private static final class Manual {
        final List<CompletableFuture<Integer>> futures = new ArrayList<>();
        final AtomicInteger starts = new AtomicInteger();
        /** One permit per start, so a test can wait for a start made by the run's launcher. */
        final Semaphore started = new Semaphore(0);
        final List<Thread> starterThreads = new CopyOnWriteArrayList<>();

        List<Callable<CompletableFuture<Integer>>> starters(int n) {
            List<Callable<CompletableFuture<Integer>>> starters = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                CompletableFuture<Integer> future = new CompletableFuture<>();
                futures.add(future);
                starters.add(() -> {
                    starterThreads.add(Thread.currentThread());
                    starts.incrementAndGet();
                    started.release();
                    return future;
                });
            }
            return starters;
        }
    }

    @Test
    void resultsArriveInTheOrderTheFuturesComplete() {
        Manual manual = new Manual();
        try (var results = AsCompleted.ofAsync(manual.starters(3))) {
            var it = results.iterator();
            for (int index : new int[] {1, 2, 0}) {
                manual.futures.get(index).complete(index * 10);
                Completion<Integer> done = it.next();
                assertEquals(index, done.index());
                assertEquals(index * 10, done.value());
                assertTrue(done.started().isPresent(), "a started task has a start time");
            }
        }
        assertEquals(3, manual.starts.get(), "each starter is called exactly once");
    }

    @Test
    void aLargeInputIsStartedCompletelyAndEveryResultArrivesOnce() {
        int n = 5_000; // more than the run starts inline, so the background launcher takes part
        List<Callable<CompletableFuture<Integer>>> starters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int value = i;
            starters.add(() -> CompletableFuture.supplyAsync(() -> value));
        }
        boolean[] seen = new boolean[n];
        int count = 0;
        try (var results = AsCompleted.ofAsync(starters)) {
            for (Completion<Integer> done : results) {
                assertEquals(done.index(), done.value());
                assertTrue(!seen[done.index()], "delivered twice: " + done.index());
                seen[done.index()] = true;
                count++;
            }
        }
        assertEquals(n, count);
    }

    @Test
    void failuresAreTheOriginalExceptionWhetherTheStarterOrTheFutureFails() {
        IOException fromFuture = new IOException("future failed");
        IllegalStateException fromStarter = new IllegalStateException("starter failed");
        List<Callable<CompletableFuture<String>>> starters = List.of(
                () -> CompletableFuture.failedFuture(fromFuture),
                () -> {
                    throw fromStarter;
                },
                () -> null);
        List<Outcome<String>> outcomes = new ArrayList<>(List.of(new Outcome.Cancelled<>(),
                new Outcome.Cancelled<>(), new Outcome.Cancelled<>()));
        try (var results = AsCompleted.ofAsync(starters)) {
            for (Completion<String> done : results) {
                outcomes.set(done.index(), done.outcome());
            }
        }
        assertSame(fromFuture, assertInstanceOf(Outcome.Failure.class, outcomes.get(0)).exception());
        assertSame(fromStarter, assertInstanceOf(Outcome.Failure.class, outcomes.get(1)).exception());
        Throwable nullResult = assertInstanceOf(Outcome.Failure.class, outcomes.get(2)).exception();
        assertInstanceOf(NullPointerException.class, nullResult);
        assertTrue(nullResult.getMessage().contains("task #2"), nullResult.getMessage());
    }

    @Test
    void maxConcurrencyCallsTheNextStarterOnlyWhenATaskFinishes() {
        Manual manual = new Manual();
        try (var results = AsCompleted.ofAsync(manual.starters(4), Options.defaults().maxConcurrency(2))) {
            var it = results.iterator();
            assertEquals(2, manual.starts.get(), "only two may be started at first");
            manual.futures.get(1).complete(1);
            assertEquals(1, it.next().index());
            manual.started.acquireUninterruptibly(3); // the run's launcher starts the third
            assertEquals(3, manual.starts.get(), "a finished task frees exactly one place");
            manual.futures.get(0).complete(0);
            manual.futures.get(2).complete(2);
            it.next();
            it.next();
            manual.started.acquireUninterruptibly();
            assertEquals(4, manual.starts.get());
            manual.futures.get(3).complete(3);
            assertEquals(3, it.next().index());
        }
    }

    /**
     * Defect 6 (issue 11): the next starter used to be called by whichever thread completed the previous future
     * (for timers, the JDK's shared delay scheduler). It must run on a thread of the run instead.
     */
    @Test
    void theNextStarterRunsOnTheRunsOwnThreadNotOnTheThreadThatCompletedAFuture() {
        Manual manual = new Manual();
        Thread test = Thread.currentThread();
        try (var results = AsCompleted.ofAsync(manual.starters(3), Options.defaults().maxConcurrency(1))) {
            var it = results.iterator();
            manual.futures.get(0).complete(0); // this thread completes it: it must not start the next
            assertEquals(0, it.next().index());
            manual.started.acquireUninterruptibly(2);
            manual.futures.get(1).complete(1);
            assertEquals(1, it.next().index());
            manual.started.acquireUninterruptibly();
            manual.futures.get(2).complete(2);
            assertEquals(2, it.next().index());
        }
        assertEquals(test, manual.starterThreads.get(0), "the first starts are made by the caller of ofAsync");
        for (Thread t : manual.starterThreads.subList(1, 3)) {
            assertNotEquals(test, t, "a starter ran on the thread that completed the previous future");
            assertTrue(t.getName().startsWith("arrivals-"), "not a thread of the run: " + t);
        }
    }

    @Test
    void closingCancelsStartedFuturesAndNeverStartsTheRest() {
        Manual manual = new Manual();
        try (var results = AsCompleted.ofAsync(manual.starters(3), Options.defaults().maxConcurrency(1))) {
            var it = results.iterator();
            manual.futures.get(0).complete(0);
            assertEquals(0, it.next().index());
            manual.started.acquireUninterruptibly(2); // the second has its turn once the first is done
        }
        assertEquals(2, manual.starts.get(), "the third task never had its turn");
        assertTrue(manual.futures.get(1).isCancelled(), "the started task was cancelled on close");
        assertTrue(!manual.futures.get(2).isDone(), "the never-started task's future was left alone");
    }

    @Test
    void timeoutCancelsWhatIsStillPendingAsTimedOut() {
        Manual manual = new Manual();
        List<Outcome<Integer>> outcomes = new ArrayList<>();
        var starters = manual.starters(2);
        manual.futures.get(0).complete(7);
        try (var results = AsCompleted.ofAsync(starters, Options.defaults().timeout(Duration.ofMillis(200)))) {
            for (Completion<Integer> done : results) {
                outcomes.add(done.outcome());
            }
        }
        assertEquals(new Outcome.Success<>(7), outcomes.get(0));
        assertInstanceOf(Outcome.TimedOut.class, outcomes.get(1));
        assertTrue(manual.futures.get(1).isCancelled());
    }

    @Test
    void namedStartersLendTheirNamesAndBadArgumentsAreNamed() {
        var named = List.of(Task.of("timer", () -> CompletableFuture.completedFuture("done")));
        try (var results = AsCompleted.ofAsync(named)) {
            assertEquals("timer", results.iterator().next().name());
        }
        List<Callable<CompletableFuture<String>>> withNull = new ArrayList<>();
        withNull.add(() -> CompletableFuture.completedFuture("x"));
        withNull.add(null);
        var npe = assertThrows(NullPointerException.class, () -> AsCompleted.ofAsync(withNull));
        assertEquals("starters[1] is null", npe.getMessage());
        var pool = Executors.newSingleThreadExecutor();
        try {
            var iae = assertThrows(IllegalArgumentException.class,
                    () -> AsCompleted.ofAsync(named, Options.defaults().executor(pool)));
            assertTrue(iae.getMessage().contains("executor"), iae.getMessage());
        } finally {
            pool.shutdown();
        }
    }
}
