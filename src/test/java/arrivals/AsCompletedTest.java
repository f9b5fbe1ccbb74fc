package arrivals;

import static arrivals.Work.cancellable;
import static arrivals.Work.failing;
import static arrivals.Work.gated;
import static arrivals.Work.sleeping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AsCompletedTest {

    /**
     * A large unbounded input is launched by the run's launcher and, while it waits for results, by the caller's
     * thread. Every task is delivered once, and every task thread inherits the caller's context, never a task's
     * (each task overwrites its own inheritable value, which a thread made by that task would carry on).
     */
    @Test
    void aLargeInputLaunchedByLauncherAndCallerDeliversEachOnceInTheCallersContext() {
        InheritableThreadLocal<String> context = new InheritableThreadLocal<>();
        context.set("caller");
        int n = 5_000;
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String mine = "task " + i;
            tasks.add(() -> {
                String seen = context.get();
                context.set(mine);
                return seen;
            });
        }
        boolean[] delivered = new boolean[n];
        try (var results = AsCompleted.of(tasks)) {
            for (Completion<String> done : results) {
                assertFalse(delivered[done.index()], "task " + done.index() + " delivered twice");
                delivered[done.index()] = true;
                assertEquals("caller", done.value(), "the context of task " + done.index() + "'s thread");
            }
        } finally {
            context.remove();
        }
        for (int i = 0; i < n; i++) {
            assertTrue(delivered[i], "task " + i + " never delivered");
        }
    }

    /**
     * Consumed on another thread than the one that started it, the run is launched by its launcher alone: the
     * consumer's own context never reaches a task.
     */
    @Test
    void aRunConsumedOnAnotherThreadLaunchesFromTheCallersContext() throws Exception {
        InheritableThreadLocal<String> context = new InheritableThreadLocal<>();
        context.set("caller");
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            tasks.add(context::get);
        }
        List<String> seen = new ArrayList<>();
        try (var results = AsCompleted.of(tasks)) {
            Thread consumer = Thread.ofPlatform().inheritInheritableThreadLocals(false).start(() -> {
                context.set("consumer");
                results.forEach(done -> seen.add(done.value()));
            });
            consumer.join();
        } finally {
            context.remove();
        }
        assertEquals(3_000, seen.size());
        assertTrue(seen.stream().allMatch("caller"::equals), "a task saw the consumer's context");
    }

    @Test
    void completionOrderFollowsDistinctDelays() {
        // Delays 250 ms apart: far more than scheduling noise on a loaded 2-core machine.
        var tasks = List.of(sleeping("slow", 600), sleeping("fast", 100), sleeping("middle", 350));
        List<String> names = new ArrayList<>();
        List<Integer> arrivals = new ArrayList<>();
        try (var results = AsCompleted.of(tasks)) {
            for (Completion<String> done : results) {
                names.add(done.value());
                arrivals.add(done.arrival());
                assertEquals(List.of("slow", "fast", "middle").get(done.index()), done.name());
            }
        }
        assertEquals(List.of("fast", "middle", "slow"), names);
        assertEquals(List.of(0, 1, 2), arrivals);
    }

    @Test
    void eachResultIsHandedOverAsSoonAsItsTaskFinishes() throws Exception {
        // Gates, not sleeps: the test itself decides which task finishes when.
        var gates = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
        var tasks = List.of(gated("a", gates.get(0)), gated("b", gates.get(1)), gated("c", gates.get(2)));
        try (var results = AsCompleted.of(tasks)) {
            var it = results.iterator();
            for (int index : new int[] {2, 0, 1}) {
                gates.get(index).countDown();
                Completion<String> done = it.next();
                assertEquals(index, done.index(), "the task just released must arrive next");
            }
            assertFalse(it.hasNext());
        }
    }

    @Test
    void completionCarriesIndexNameOutcomeAndTimes() {
        Callable<String> unnamed = () -> "plain";
        try (var results = AsCompleted.of(List.of(sleeping("named", 50), unnamed))) {
            for (Completion<String> done : results) {
                if (done.index() == 0) {
                    assertEquals("named", done.name());
                    assertTrue(done.hasName());
                } else {
                    assertEquals("#1", done.name());
                    assertFalse(done.hasName());
                }
                assertInstanceOf(Outcome.Success.class, done.outcome());
                Duration started = done.started().orElseThrow();
                assertFalse(done.finished().compareTo(started) < 0, "finished before it started");
                assertFalse(done.received().compareTo(done.finished()) < 0, "received before it finished");
            }
        }
        try (var results = AsCompleted.of(List.of(sleeping("named", 80)))) {
            Completion<String> done = results.iterator().next();
            assertTrue(done.finished().minus(done.started().orElseThrow()).toMillis() >= 70,
                    "the task slept 80 ms between its start and finish");
        }
    }

    @Test
    void failureIsDeliveredAndValueRethrowsTheOriginalException() {
        IOException boom = new IOException("boom");
        try (var results = AsCompleted.of(List.of(sleeping("ok", 200), failing("bad", 10, boom)))) {
            var it = results.iterator();
            Completion<String> first = it.next();
            assertEquals(1, first.index());
            assertSame(boom, ((Outcome.Failure<String>) first.outcome()).exception());
            TaskFailedException e = assertThrows(TaskFailedException.class, first::value);
            assertSame(boom, e.getCause(), "no ExecutionException or CompletionException in between");
            assertEquals(1, e.index());
            assertEquals("bad", e.taskName());
            assertEquals("ok", it.next().value(), "without fail-fast the other task still finishes");
        }
    }

    @Test
    void failFastCancelsTheRestAndTheyObserveTheInterrupt() {
        AtomicInteger interrupted = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(2);
        var tasks = List.of(cancellable("a", interrupted, started),
                Work.failingAfter("bad", started, new IllegalStateException("x")), cancellable("b", interrupted, started));
        List<Outcome<String>> outcomes = new ArrayList<>();
        try (var results = AsCompleted.of(tasks, Options.defaults().failFast(true))) {
            results.forEach(done -> outcomes.add(done.outcome()));
        }
        assertInstanceOf(Outcome.Failure.class, outcomes.get(0), "the failure arrives first");
        assertInstanceOf(Outcome.Cancelled.class, outcomes.get(1));
        assertInstanceOf(Outcome.Cancelled.class, outcomes.get(2));
        assertEquals(2, interrupted.get(), "both siblings saw the interrupt before the run ended");
    }

    @Test
    void timeoutCancelsStragglersAndLeavesNoThreadRunning() {
        AtomicInteger interrupted = new AtomicInteger();
        var tasks = List.of(sleeping("quick", 10), cancellable("stuck1", interrupted), cancellable("stuck2", interrupted));
        List<Completion<String>> seen = new ArrayList<>();
        ThreadCensus census = new ThreadCensus();
        try (var results = AsCompleted.of(tasks,
                Options.defaults().timeout(Duration.ofMillis(300)).threadFactory(census))) {
            results.forEach(seen::add);
        }
        assertEquals(3, seen.size());
        assertEquals("quick", seen.get(0).value());
        for (Completion<String> late : seen.subList(1, 3)) {
            assertInstanceOf(Outcome.TimedOut.class, late.outcome());
            DeadlineExceededException e = assertThrows(DeadlineExceededException.class, late::value);
            assertEquals(List.of(late.index()), e.unfinished());
        }
        assertEquals(2, interrupted.get());
        census.assertAllEnd();
    }

    @Test
    void leavingTheBlockEarlyCancelsTheRest() {
        AtomicInteger interrupted = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(2);
        var tasks = List.of(cancellable("a", interrupted, started), Work.firstAfter("first", started),
                cancellable("b", interrupted, started));
        ThreadCensus census = new ThreadCensus();
        try (var results = AsCompleted.of(tasks, Options.defaults().threadFactory(census))) {
            for (Completion<String> done : results) {
                assertEquals("first", done.value());
                break;
            }
        }
        assertEquals(2, interrupted.get(), "close() interrupted both unfinished tasks and waited for them");
        census.assertAllEnd();
    }

    @Test
    void closingAShortCircuitedStreamCancelsTheRest() {
        AtomicInteger interrupted = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(2);
        var tasks = List.of(cancellable("a", interrupted, started), Work.firstAfter("first", started),
                cancellable("b", interrupted, started));
        Optional<Completion<String>> first;
        try (var stream = AsCompleted.of(tasks).stream()) { // like Files.lines: the stream holds the run
            first = stream.findFirst();
        }
        assertEquals("first", first.orElseThrow().value());
        assertEquals(2, interrupted.get());

        AtomicInteger interrupted2 = new AtomicInteger();
        CountDownLatch zStarted = new CountDownLatch(1);
        var more = List.of(Work.firstAfter("x", zStarted), sleeping("y", 200), cancellable("z", interrupted2, zStarted));
        List<String> two;
        try (var stream = AsCompleted.of(more).stream()) {
            two = stream.limit(2).map(Completion::value).toList();
        }
        assertEquals(List.of("x", "y"), two);
        assertEquals(1, interrupted2.get());
    }

    /**
     * Defect 4 (issue 11): a hand-written stream wrapper missed operations it did not know ({@code gather},
     * {@code mapMultiToInt}...), so a short-circuiting pipeline through them cancelled nothing. Now the stream is
     * a plain one that closes the run from {@code onClose}: closing any stream of the pipeline, whatever
     * operations it went through, cancels the rest. ({@code gather} itself needs Java 24; the library targets 21.)
     */
    @Test
    void closingTheStreamOfAnyOperationCancelsTheRest() {
        AtomicInteger interrupted = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(4);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(cancellable("slow" + i, interrupted, started));
        }
        tasks.add(Work.firstAfter("first", started));
        var census = new ThreadCensus();
        OptionalInt first;
        try (var stream = AsCompleted.of(tasks, Options.defaults().threadFactory(census)).stream()
                .mapMultiToInt((Completion<String> c, IntConsumer out) -> out.accept(c.index()))) {
            first = stream.findFirst();
        }
        assertEquals(4, first.orElseThrow(), "the task that finishes first");
        assertEquals(4, interrupted.get(), "every unfinished task was interrupted, and close waited for it");
        census.assertAllEnd();
    }

    @Test
    void progressCountsRiseOneByOneOnTheConsumingThread() {
        List<String> calls = new ArrayList<>();
        Thread consumer = Thread.currentThread();
        var options = Options.defaults().onProgress((done, total) -> {
            assertSame(consumer, Thread.currentThread());
            calls.add(done + "/" + total);
        });
        try (var results = AsCompleted.of(List.of(sleeping("a", 30), sleeping("b", 10), sleeping("c", 20)), options)) {
            results.forEach(done -> { });
        }
        assertEquals(List.of("1/3", "2/3", "3/3"), calls);
    }

    @Test
    void maxConcurrencyStartsTasksLazily() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int id = i;
            tasks.add(() -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.sleep(20);
                running.decrementAndGet();
                return id;
            });
        }
        List<Integer> seen = new ArrayList<>();
        try (var results = AsCompleted.of(tasks, Options.defaults().maxConcurrency(3))) {
            results.forEach(done -> seen.add(done.value()));
        }
        assertEquals(12, seen.size());
        assertEquals(12, seen.stream().distinct().count());
        assertTrue(peak.get() <= 3, "peak concurrency was " + peak.get());
    }

    @Test
    void timeoutReportsTasksThatNeverStartedAsTimedOut() {
        var tasks = List.of(sleeping("a", 5_000), sleeping("b", 5_000), sleeping("c", 5_000));
        List<Completion<String>> seen = new ArrayList<>();
        try (var results = AsCompleted.of(tasks,
                Options.defaults().maxConcurrency(1).timeout(Duration.ofMillis(100)))) {
            results.forEach(seen::add);
        }
        assertEquals(3, seen.size());
        assertTrue(seen.stream().allMatch(c -> c.outcome() instanceof Outcome.TimedOut));
        assertEquals(1, seen.stream().filter(c -> c.started().isPresent()).count(), "only one ever started");
    }

    @Test
    void futuresArriveInCompletionOrderWithoutAThreadEach() {
        var delayed = CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS);
        var soon = CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS);
        List<CompletableFuture<String>> futures = List.of(
                CompletableFuture.supplyAsync(() -> "late", delayed),
                CompletableFuture.supplyAsync(() -> "early", soon),
                CompletableFuture.failedFuture(new IOException("nope")));
        List<String> order = new ArrayList<>();
        try (var results = AsCompleted.ofFutures(futures)) {
            for (var done : results) {
                order.add(done.isSuccess() ? done.value() : "failed");
            }
        }
        assertEquals(List.of("failed", "early", "late"), order);
    }

    @Test
    void futuresPastTheDeadlineAreCancelled() {
        CompletableFuture<String> never = new CompletableFuture<>();
        try (var results = AsCompleted.ofFutures(List.of(never, CompletableFuture.completedFuture("now")),
                Options.defaults().timeout(Duration.ofMillis(100)))) {
            List<Completion<String>> seen = new ArrayList<>();
            results.forEach(seen::add);
            assertEquals("now", seen.get(0).value());
            assertInstanceOf(Outcome.TimedOut.class, seen.get(1).outcome());
        }
        assertTrue(never.isCancelled());
    }

    @Test
    void customExecutorIsUsedAndLeftRunning() throws Exception {
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<String> threads = new ArrayList<>();
            Callable<String> whereAmI = () -> Thread.currentThread().getName();
            try (var results = AsCompleted.of(List.of(whereAmI, whereAmI), Options.defaults().executor(pool))) {
                results.forEach(done -> threads.add(done.value()));
            }
            assertTrue(threads.stream().allMatch(n -> n.startsWith("pool-")), threads.toString());
            assertEquals("still usable", pool.submit(() -> "still usable").get());
        }
    }

    @Test
    void theSameCallableTwiceGetsTwoCompletions() {
        AtomicInteger calls = new AtomicInteger();
        Callable<Integer> counted = calls::incrementAndGet;
        List<Integer> indices = new ArrayList<>();
        try (var results = AsCompleted.of(List.of(counted, counted))) {
            results.forEach(done -> indices.add(done.index()));
        }
        assertEquals(List.of(0, 1), indices.stream().sorted().toList());
        assertEquals(2, calls.get());
    }

    @Test
    void emptyInputIsAnEmptyIterationAtOnce() {
        try (var results = AsCompleted.<String>of(List.of())) {
            assertFalse(results.iterator().hasNext());
        }
        try (var results = AsCompleted.<String>ofFutures(List.of())) {
            assertEquals(0, results.stream().count());
        }
    }

    @Test
    void resultsArrivingWhileTheConsumerIsBusyAreBuffered() throws Exception {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int id = i;
            tasks.add(() -> id);
        }
        List<Integer> seen = new ArrayList<>();
        try (var results = AsCompleted.of(tasks)) {
            Thread.sleep(200); // everything finishes before we look
            results.forEach(done -> seen.add(done.value()));
        }
        assertEquals(200, seen.size());
        assertEquals(200, seen.stream().distinct().count());
    }

    @Test
    void interruptingTheConsumerCancelsTheRunAndKeepsTheInterruptFlag() throws Exception {
        AtomicInteger interrupted = new AtomicInteger();
        var results = AsCompleted.of(List.of(cancellable("a", interrupted)));
        Thread consumer = Thread.currentThread();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                return;
            }
            consumer.interrupt();
        });
        var it = results.iterator();
        CancellationException e = assertThrows(CancellationException.class, it::next);
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertTrue(Thread.interrupted(), "the interrupt status is restored (and cleared here)");
        assertEquals(1, interrupted.get());
        assertFalse(it.hasNext());
    }

    @Test
    void aThrowingProgressCallbackClosesTheRunAndPropagates() {
        AtomicInteger interrupted = new AtomicInteger();
        var options = Options.defaults().onProgress((done, total) -> {
            throw new IllegalStateException("progress bar broke");
        });
        var results = AsCompleted.of(List.of(sleeping("fast", 10), cancellable("slow", interrupted)), options);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> results.iterator().next());
        assertEquals("progress bar broke", e.getMessage());
        assertEquals(1, interrupted.get());
    }

    @Test
    void aTaskThatIgnoresInterruptsIsReportedAsStillRunning() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Callable<String> stubborn = () -> {
            started.countDown();
            while (true) {
                try {
                    release.await();
                    return "finally";
                } catch (InterruptedException ignored) {
                    // deliberately ignores cancellation
                }
            }
        };
        var results = AsCompleted.of(List.of(stubborn), Options.defaults().stopGrace(Duration.ofMillis(100)));
        started.await();
        results.close();
        assertEquals(List.of(0), results.stillRunning());
        release.countDown();
    }
}
