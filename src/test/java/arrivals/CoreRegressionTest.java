package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One regression test per defect of issue 11 ("Library core v2"), written from the defect's description. Each
 * asserts behaviour (what is delivered, who is interrupted, which threads end), never how long something took.
 * The class timeout only turns a hang (what several of these defects caused) into a failure.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CoreRegressionTest {
    /** Far beyond any step here (milliseconds); only a hang reaches it, and then fails rather than hangs. */
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private static Callable<String> value(String v) {
        return () -> v;
    }

    /** Sleeps until interrupted, counting the interrupt. */
    private static Callable<String> sleeper(AtomicInteger interrupted, CountDownLatch started) {
        return () -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofDays(1));
                return "never";
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
        };
    }

    /**
     * Waits for {@code latch} whatever interrupts come (a stubborn task, or a test step that must not be cut
     * short), but not forever: after {@link #LIMIT} it fails, naming what it waited for.
     */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        long end = System.nanoTime() + LIMIT.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (latch.await(end - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                        return;
                    }
                    throw new AssertionError("waited " + LIMIT + " for " + latch + " on " + Thread.currentThread());
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ defect 1

    /**
     * Defect 1: close() joined a thread that had been registered but not yet started, and threw
     * IllegalThreadStateException. Here close() lands exactly while the run is making a thread (the factory
     * blocks until close has begun): close must neither throw nor return before that thread's task is over.
     */
    @Test
    void closeDuringThreadCreationNeitherThrowsNorLeavesTheThreadBehind() {
        CountDownLatch closing = new CountDownLatch(1);
        CountDownLatch inFactory = new CountDownLatch(1);
        ThreadCensus census = new ThreadCensus();
        AtomicInteger made = new AtomicInteger();
        ThreadFactory slowFactory = body -> {
            if (made.incrementAndGet() == 300) { // made by the launcher, past the first 256 launches
                inFactory.countDown();
                awaitUninterruptibly(closing);
            }
            return census.newThread(body);
        };
        List<Callable<String>> tasks = Collections.nCopies(400, value("v"));
        var results = AsCompleted.of(tasks, Options.defaults().threadFactory(slowFactory));
        awaitUninterruptibly(inFactory);
        Thread closer = Thread.ofPlatform().start(results::close);
        closing.countDown(); // the factory returns while close() runs
        results.close(); // a second close from outside the run waits for the first to end
        assertTrue(join(closer));
        census.assertAllEnd("run closed while making a thread");
        assertTrue(census.made() >= 300, "the thread being made when close began was made: " + census.made());
    }

    private static boolean join(Thread t) {
        try {
            return t.join(ThreadCensus.LIMIT);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ defect 2

    /** An executor that refuses every {@code every}-th task with {@code error}, and runs the others on new threads. */
    private static Executor throwingEvery(int every, Throwable error) {
        AtomicInteger calls = new AtomicInteger();
        return task -> {
            if (calls.incrementAndGet() % every == 0) {
                sneakyThrow(error);
            }
            Thread.ofVirtual().start(task);
        };
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    /** Defect 2a: more than 256 tasks, an executor throwing IllegalStateException: every task is delivered. */
    @Test
    void anExecutorThrowingSomethingElseThanRejectionFailsThatTaskOnly() {
        IllegalStateException refusal = new IllegalStateException("executor shut down");
        List<Callable<String>> tasks = Collections.nCopies(300, value("v"));
        int failures = 0;
        int delivered = 0;
        try (var results = AsCompleted.of(tasks, Options.defaults().executor(throwingEvery(7, refusal)))) {
            for (Completion<String> done : results) {
                delivered++;
                if (done.outcome() instanceof Outcome.Failure<String> f) {
                    assertSame(refusal, f.exception());
                    failures++;
                }
            }
        }
        assertEquals(300, delivered);
        assertEquals(300 / 7, failures);
    }

    /** Defect 2b: with maxConcurrency, an OutOfMemoryError from the executor must not stop further launches. */
    @Test
    void anOutOfMemoryErrorFromTheExecutorUnderAConcurrencyLimitDoesNotStopTheRun() throws Exception {
        OutOfMemoryError oom = new OutOfMemoryError("unable to create native thread");
        List<Callable<String>> tasks = Collections.nCopies(20, value("v"));
        Options options = Options.defaults().maxConcurrency(2).executor(throwingEvery(4, oom));
        List<Outcome<String>> outcomes = Gather.settled(tasks, options);
        assertEquals(20, outcomes.size());
        assertEquals(5, outcomes.stream().filter(o -> o instanceof Outcome.Failure<String> f
                && f.exception() == oom).count());
        assertEquals(15, outcomes.stream().filter(Outcome::isSuccess).count());

        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> Gather.all(tasks, Options.defaults().maxConcurrency(2).executor(throwingEvery(4, oom))));
        assertSame(oom, e.getCause());
    }

    /**
     * Defect 2c: an executor that fails during the first launches made {@code of()} throw while 3 tasks were
     * already running, with nothing left to close them. Now the failure is that task's outcome, and close
     * stops the 3.
     */
    @Test
    void anExecutorFailingDuringTheFirstLaunchesLeavesNothingRunning() {
        AtomicInteger interrupted = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(3);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(sleeper(interrupted, started));
        }
        tasks.add(value("refused"));
        IllegalStateException refusal = new IllegalStateException("refused");
        Completion<String> first;
        // A long grace: on a loaded machine a sleeper may be scheduled late, and close must still see it stop.
        try (var results = AsCompleted.of(tasks, Options.defaults().executor(throwingEvery(4, refusal))
                .stopGrace(Duration.ofSeconds(20)))) {
            first = results.iterator().next();
            awaitUninterruptibly(started);
        }
        assertEquals(3, first.index());
        assertSame(refusal, assertInstanceOf(Outcome.Failure.class, first.outcome()).exception());
        assertEquals(3, interrupted.get(), "close interrupted the three running tasks");
    }

    // ------------------------------------------------------------------------------------------------ defect 3

    /**
     * Defect 3: every delivered outcome stayed reachable until close(). A value the consumer dropped must be
     * collectable while the run goes on.
     */
    @Test
    void aDeliveredValueIsNotKeptByTheRun() {
        List<WeakReference<byte[]>> made = new CopyOnWriteArrayList<>();
        CountDownLatch rest = new CountDownLatch(1);
        List<Callable<byte[]>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(() -> {
                byte[] big = new byte[1 << 20];
                made.add(new WeakReference<>(big));
                return big;
            });
        }
        tasks.add(() -> {
            rest.await(); // keeps the run open while the delivered values should already be collectable
            return null;
        });
        try (var results = AsCompleted.of(tasks, Options.defaults().maxConcurrency(4))) {
            var it = results.iterator();
            for (int i = 0; i < 10; i++) {
                assertEquals(1 << 20, it.next().value().length); // and dropped at once
            }
            assertAllCollected(made, "values delivered and dropped are still reachable from the open run");
            rest.countDown();
            assertTrue(it.hasNext());
            it.next();
        }
    }

    /** Asks for collections until the ten values are gone; fails if any is still reachable after 50. */
    private static void assertAllCollected(List<WeakReference<byte[]>> made, String failure) {
        for (int attempt = 0; attempt < 50 && made.stream().anyMatch(r -> r.get() != null); attempt++) {
            System.gc();
        }
        assertEquals(10, made.size());
        assertTrue(made.stream().allMatch(r -> r.get() == null), failure);
    }

    /** Defect 3, for futures: a delivered future's value is not kept by the run either (ofAsync holds no copy). */
    @Test
    void aDeliveredFutureValueIsNotKeptByTheRun() {
        List<WeakReference<byte[]>> made = new CopyOnWriteArrayList<>();
        CompletableFuture<byte[]> rest = new CompletableFuture<>();
        List<Callable<CompletableFuture<byte[]>>> starters = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            starters.add(() -> {
                byte[] big = new byte[1 << 20];
                made.add(new WeakReference<>(big));
                return CompletableFuture.completedFuture(big);
            });
        }
        starters.add(() -> rest); // keeps the run open while the delivered values should already be collectable
        try (var results = AsCompleted.ofAsync(starters)) {
            var it = results.iterator();
            for (int i = 0; i < 10; i++) {
                assertEquals(1 << 20, it.next().value().length); // and dropped at once
            }
            assertAllCollected(made, "future values delivered and dropped are still reachable from the open run");
            rest.complete(null);
            assertTrue(it.hasNext());
            it.next();
        }
    }

    // ------------------------------------------------------------------------------------------------ defect 5

    /** Defect 5a: with fail-fast, a future that is already done is reported as it ended, not as cancelled. */
    @Test
    void aFutureAlreadyDoneIsNotReportedCancelledByFailFast() {
        IOException boom = new IOException("boom");
        List<CompletableFuture<String>> futures = List.of(CompletableFuture.failedFuture(boom),
                CompletableFuture.completedFuture("ok"));
        List<Outcome<String>> byIndex = new ArrayList<>(List.of(new Outcome.Cancelled<>(), new Outcome.Cancelled<>()));
        try (var results = AsCompleted.ofFutures(futures, Options.defaults().failFast(true))) {
            results.forEach(done -> byIndex.set(done.index(), done.outcome()));
        }
        assertSame(boom, assertInstanceOf(Outcome.Failure.class, byIndex.get(0)).exception());
        assertEquals(new Outcome.Success<>("ok"), byIndex.get(1));
    }

    /** Defect 5b: the deadline is armed after the futures are observed, so completed ones never time out. */
    @Test
    void completedFuturesNeverTimeOutHoweverManyThereAre() {
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            futures.add(CompletableFuture.completedFuture(i));
        }
        int success = 0;
        try (var results = AsCompleted.ofFutures(futures, Options.defaults().timeout(Duration.ofMillis(1)))) {
            for (Completion<Integer> done : results) {
                success += done.isSuccess() ? 1 : 0;
            }
        }
        assertEquals(200_000, success);
    }

    // ------------------------------------------------------------------------------------------------ defect 6

    /**
     * Defect 6: the deadline's cancellations ran on the JDK's shared delay-scheduler thread, and so did the
     * user's callbacks on the futures it cancelled. They must run on a thread of the run.
     */
    @Test
    void theDeadlineCancelsOnAThreadOfTheRunNotOnTheJdksSharedScheduler() {
        ThreadCensus census = new ThreadCensus();
        Thread test = Thread.currentThread();
        CompletableFuture<String> pending = new CompletableFuture<>();
        AtomicReference<Thread> callbackThread = new AtomicReference<>();
        pending.whenComplete((v, e) -> callbackThread.set(Thread.currentThread()));
        try (var results = AsCompleted.ofFutures(List.of(pending),
                Options.defaults().timeout(Duration.ofMillis(5)).threadFactory(census))) {
            assertInstanceOf(Outcome.TimedOut.class, results.iterator().next().outcome());
        }
        assertTrue(pending.isCancelled());
        Thread t = callbackThread.get();
        assertFalse(t.getName().contains("elayScheduler"), "the JDK's shared delay scheduler: " + t);
        // The run's timer cancels it, unless the consumer's close (which stops what the timer settled) gets there
        // first: either way a thread of this run, or its consumer, never a JDK-wide one.
        assertTrue(t == test || census.madeThread(t),
                "the callback ran on " + t + ", neither the run's timer nor the consumer");
        census.assertAllEnd();
    }

    // ------------------------------------------------------------------------------------------------ defect 7

    private static final class Events implements RunListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void runStarted(RunInfo run) {
            events.add("started");
        }

        @Override
        public void delivered(RunInfo run, Completion<?> completion) {
            events.add("delivered#" + completion.index());
        }

        @Override
        public void runEnded(RunInfo run, List<Integer> stillRunning) {
            events.add("ended" + stillRunning);
        }
    }

    /**
     * Defect 7a: a task that closes its run while the consumer's close is waiting for it got {@code runEnded([])}
     * reported from its own thread, and the true still-running list was never reported.
     */
    @Test
    void aTaskClosingItsRunDuringTheConsumersCloseDoesNotReportTheEnd() {
        Events listener = new Events();
        CompletableFuture<AsCompleted<String>> handle = new CompletableFuture<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Callable<String> stubborn = () -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofDays(1));
            } catch (InterruptedException e) { // the consumer's close() has begun: it cancelled us
                handle.get().close();
                awaitUninterruptibly(release); // and ignore the cancellation until the test is done
            }
            return "stubborn";
        };
        var results = AsCompleted.of(List.of(stubborn),
                Options.defaults().listener(listener).stopGrace(Duration.ofMillis(50)));
        handle.complete(results);
        awaitUninterruptibly(started);
        results.close();
        assertEquals(List.of(0), results.stillRunning());
        release.countDown();
        assertEquals(List.of("started", "ended[0]"), listener.events);
    }

    /** Defect 7b: a progress callback that closes the run must not report the end before the delivery. */
    @Test
    void aProgressCallbackThatClosesTheRunEndsItAfterTheDelivery() {
        Events listener = new Events();
        CompletableFuture<AsCompleted<String>> handle = new CompletableFuture<>();
        var results = AsCompleted.of(List.of(value("a"), value("b")), Options.defaults().listener(listener)
                .onProgress((done, total) -> handle.join().close()));
        handle.complete(results);
        var it = results.iterator();
        it.next();
        assertFalse(it.hasNext());
        assertEquals("started", listener.events.get(0));
        assertTrue(listener.events.get(1).startsWith("delivered#"), listener.events.toString());
        assertTrue(listener.events.get(2).startsWith("ended"), listener.events.toString());
        assertEquals(3, listener.events.size(), listener.events.toString());
    }

    // ------------------------------------------------------------------------------------------------ defect 8

    private static final InheritableThreadLocal<String> CONTEXT = new InheritableThreadLocal<>();

    /** Defect 8: under maxConcurrency(1) each thread was made by the previous task and inherited its values. */
    @Test
    void everyTaskInheritsTheCallersContextNeverAnotherTasks() throws Exception {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String mine = "set-by-task-" + i;
            tasks.add(() -> {
                String seen = CONTEXT.get();
                CONTEXT.set(mine);
                return seen;
            });
        }
        CONTEXT.set("caller");
        try {
            assertEquals(List.of("caller", "caller", "caller", "caller"),
                    Gather.all(tasks, Options.defaults().maxConcurrency(1)));
            assertEquals(List.of("caller", "caller", "caller", "caller"),
                    Gather.all(tasks, Options.defaults().maxConcurrency(1).timeout(Duration.ofMinutes(1))));
        } finally {
            CONTEXT.remove();
        }
    }

    // ------------------------------------------------------------------------------------------------ defect 9

    /** Defect 9a: the same exception maps to the same outcome whether a callable throws it or a future fails. */
    @Test
    void oneMappingRuleForCallablesAndFutures() throws Exception {
        IOException io = new IOException("io");
        ExecutionException wrapped = new ExecutionException(io);
        Outcome<String> fromCallable = Gather.settled(List.<Callable<String>>of(() -> {
            throw wrapped;
        })).get(0);
        Outcome<String> fromFuture;
        try (var results = AsCompleted.ofFutures(List.of(CompletableFuture.<String>failedFuture(wrapped)))) {
            fromFuture = results.iterator().next().outcome();
        }
        assertSame(io, assertInstanceOf(Outcome.Failure.class, fromCallable).exception());
        assertSame(io, assertInstanceOf(Outcome.Failure.class, fromFuture).exception());

        CancellationException thrown = new CancellationException("thrown by the task");
        Outcome<String> cancelledByCallable = Gather.settled(List.<Callable<String>>of(() -> {
            throw thrown;
        })).get(0);
        assertSame(thrown, assertInstanceOf(Outcome.Failure.class, cancelledByCallable).exception());
    }

    /** Defect 9b: a future whose own isCancelled() is false is not Cancelled, even if a stage it uses was. */
    @Test
    void aFutureDependingOnACancelledOneIsAFailureNotCancelled() {
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> dependent = source.thenApply(s -> s + "!");
        source.cancel(true);
        assertFalse(dependent.isCancelled());
        Outcome<String> outcome;
        try (var results = AsCompleted.ofFutures(List.of(dependent))) {
            outcome = results.iterator().next().outcome();
        }
        assertInstanceOf(CancellationException.class,
                assertInstanceOf(Outcome.Failure.class, outcome).exception());
    }

    /** Defect 9c: a future cancelled by someone else stops a fail-fast run like a failure does. */
    @Test
    void aFutureCancelledByAThirdPartyTriggersFailFast() {
        CompletableFuture<String> a = new CompletableFuture<>();
        CompletableFuture<String> b = new CompletableFuture<>();
        try (var results = AsCompleted.ofFutures(List.of(a, b), Options.defaults().failFast(true))) {
            a.cancel(true);
            assertTrue(b.isCancelled(), "fail-fast cancelled the other future");
            List<Completion<String>> got = new ArrayList<>();
            results.forEach(got::add);
            assertEquals(2, got.size());
            assertEquals(0, got.get(0).index());
            assertInstanceOf(Outcome.Cancelled.class, got.get(0).outcome());
            assertInstanceOf(Outcome.Cancelled.class, got.get(1).outcome());
        }
    }

    // ----------------------------------------------------------------------------------------------- defect 10

    /**
     * Defect 10: an executor that runs a task twice made the second run overwrite the recorded runner, so a
     * cancel interrupted the wrong thread and the real task kept running past close().
     */
    @Test
    void anExecutorRunningATaskTwiceCannotRedirectTheCancel() {
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        Callable<String> task = () -> {
            calls.incrementAndGet();
            return sleeper(interrupted, started).call();
        };
        Executor twice = runnable -> {
            Thread.ofVirtual().start(runnable);
            awaitUninterruptibly(started); // the first run is inside the task...
            assertTrue(join(Thread.ofVirtual().start(runnable))); // ...when a second run comes and goes
        };
        AsCompleted<String> results = AsCompleted.of(List.of(task),
                Options.defaults().executor(twice).stopGrace(Duration.ofSeconds(20)));
        results.close();
        assertEquals(List.of(), results.stillRunning(), "the real task ignored no interrupt; it got none");
        assertEquals(1, interrupted.get());
        assertEquals(1, calls.get(), "the task ran once");
    }

    // ------------------------------------------------------------------------------------ several failures at once

    /**
     * Gather.all with 8 simultaneous failures reported one: the earliest must be the cause, the other seven
     * suppressed (whether they failed at the same moment or while being cancelled).
     */
    @Test
    void gatherAllReportsTheEarliestFailureWithTheOthersSuppressed() {
        int n = 8;
        CountDownLatch arrived = new CountDownLatch(n);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            tasks.add(() -> {
                arrived.countDown();
                awaitUninterruptibly(arrived); // every task throws its own exception, cancelled or not
                throw new IllegalStateException("task " + index);
            });
        }
        List<Completion<?>> delivered = new CopyOnWriteArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void delivered(RunInfo run, Completion<?> completion) {
                delivered.add(completion);
            }
        };
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> Gather.all(tasks, Options.defaults().listener(listener).stopGrace(Duration.ofSeconds(20))));
        Completion<?> earliest = delivered.stream().filter(c -> c.outcome() instanceof Outcome.Failure<?>)
                .min(Comparator.comparing(Completion::finished)).orElseThrow();
        assertEquals(earliest.index(), e.index());
        assertEquals("task " + e.index(), e.getCause().getMessage());
        Set<String> all = new HashSet<>();
        all.add(e.getCause().getMessage());
        for (Throwable s : e.getSuppressed()) {
            assertTrue(all.add(s.getMessage()), "reported twice: " + s.getMessage());
        }
        assertEquals(n, all.size(), "every task's exception is the cause or suppressed: " + all);
    }

    /** Siblings that outlive the stop grace are named in gather's exception. */
    @Test
    void gatherAllSaysWhichSiblingsWereStillRunning() {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Callable<String> stubborn = () -> {
            started.countDown();
            awaitUninterruptibly(release);
            return "late";
        };
        Callable<String> failing = () -> {
            started.await();
            throw new IOException("failed");
        };
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> Gather.all(
                List.of(stubborn, failing), Options.defaults().stopGrace(Duration.ofMillis(20))));
        release.countDown();
        assertEquals(1, e.index());
        assertTrue(e.getMessage().contains("tasks [0] were still running"), e.getMessage());
    }

    // ------------------------------------------------------------------------ the property failure the issue quotes

    /**
     * "finished before it started" for a cancelled completion: a cancel that won between a task's start check
     * and its start stamp. Many fail-fast runs where cancels race with starts; no completion may finish before
     * it started. (A race: this can't fail on every run of the old code, only make the old failure likely.)
     */
    @Test
    void noCompletionFinishesBeforeItStarted() {
        for (int round = 0; round < 200; round++) {
            List<Callable<String>> tasks = new ArrayList<>(Collections.nCopies(40, value("v")));
            tasks.add(17, () -> {
                throw new IllegalStateException("fail fast");
            });
            try (var results = AsCompleted.of(tasks, Options.defaults().failFast(true).maxConcurrency(8))) {
                for (Completion<String> c : results) {
                    c.started().ifPresent(s -> assertFalse(c.finished().compareTo(s) < 0,
                            "finished before it started: " + c));
                    assertNotEquals(null, c.outcome());
                }
            }
        }
    }
}
