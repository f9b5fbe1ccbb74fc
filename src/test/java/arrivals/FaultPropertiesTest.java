package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arrivals.ProofPlan.Job;
import arrivals.ProofPlan.Kind;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Faults injected at random points of random runs: exceptions and Errors from the consumer's loop body, the
 * progress callback, a RunListener and the tasks; interrupts of the consumer; close() from other threads while
 * the consumer iterates; an executor that rejects work; tasks that never finish. Each must end in a clear
 * exception or an outcome, never a hang (see {@link ProofGuard}), with no result delivered twice and no thread
 * left behind.
 */
class FaultPropertiesTest {
    static final int TRIES = 1_200;
    private static final ProofStats STATS = new ProofStats("FaultProperties");
    private static ExecutorService pool;

    enum Fault {
        CONSUMER_THROWS, CONSUMER_INTERRUPTS_ITSELF, CONSUMER_INTERRUPTED, PROGRESS_THROWS, PROGRESS_OVERFLOWS,
        LISTENER_START_THROWS, LISTENER_DELIVERED_THROWS, LISTENER_END_THROWS, CONCURRENT_CLOSE, EXECUTOR_REJECTS,
        NEVER_FINISH_CLOSED, TASK_ERRORS, GATHER_INTERRUPTED, GATHER_LISTENER_THROWS, TASK_CLOSES_ITS_RUN,
        CALLBACK_CLOSES_ITS_RUN
    }

    /**
     * @param k     the result at which the fault strikes (1-based), or how many results are taken first
     * @param param a small fault-specific number: a delay in ms, a rejection period, which listener call throws
     */
    record FaultPlan(Fault fault, List<Job> jobs, int k, int maxConcurrency, boolean virtualConsumer, int param) {
        int size() {
            return jobs.size();
        }

        long count(Kind kind) {
            return jobs.stream().filter(j -> j.kind() == kind).count();
        }

        /**
         * HANG only where close or an interrupt ends it; faults that need a failing task or a hang get one; under
         * GATHER_INTERRUPTED, where only the interrupt may end the call, FAIL becomes SUCCEED.
         */
        FaultPlan normalized() {
            boolean hangsEnd = fault == Fault.NEVER_FINISH_CLOSED || fault == Fault.CONCURRENT_CLOSE
                    || fault == Fault.GATHER_INTERRUPTED || fault == Fault.TASK_CLOSES_ITS_RUN;
            // Under GATHER_INTERRUPTED only the interrupt may end the call, not fail-fast.
            boolean noFailures = fault == Fault.GATHER_INTERRUPTED;
            List<Job> fixed = new ArrayList<>();
            for (Job job : jobs) {
                boolean replace = (job.kind() == Kind.HANG && !hangsEnd) || (job.kind() == Kind.FAIL && noFailures);
                fixed.add(replace ? new Job(Kind.SUCCEED, job.delayMillis(), job.named()) : job);
            }
            Kind needed = switch (fault) {
                case NEVER_FINISH_CLOSED, GATHER_INTERRUPTED -> Kind.HANG;
                case TASK_ERRORS -> param % 2 == 0 ? Kind.ERROR : Kind.OVERFLOW;
                default -> null;
            };
            if (needed != null && fixed.stream().noneMatch(j -> j.kind() == needed)) {
                Job job = new Job(needed, 0, false);
                if (fixed.isEmpty()) {
                    fixed.add(job);
                } else {
                    fixed.set(k % fixed.size(), job);
                }
            }
            // Hanging tasks must not hold every slot; futures take no limit.
            int limit = hangsEnd || fault == Fault.CALLBACK_CLOSES_ITS_RUN ? 0 : maxConcurrency;
            int nonHanging = (int) fixed.stream().filter(j -> j.kind() != Kind.HANG).count();
            int at = hangsEnd ? Math.min(k, nonHanging) : Math.max(1, k);
            return new FaultPlan(fault, fixed, at, limit, virtualConsumer, param);
        }
    }

    @BeforeContainer
    static void startPool() {
        STATS.begin();
        pool = ProofPlan.newPool();
    }

    @AfterContainer
    static void stopPoolAndReport() {
        pool.shutdownNow();
        STATS.report();
    }

    @Provide
    Arbitrary<FaultPlan> plans() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(Tuple.of(70, Kind.SUCCEED), Tuple.of(8, Kind.FAIL),
                Tuple.of(12, Kind.SLOW_STOP), Tuple.of(10, Kind.HANG));
        Arbitrary<Job> jobs = Combinators.combine(kinds, ProofPlan.delays(), Arbitraries.of(false, true))
                .as(Job::new);
        return Combinators.combine(Arbitraries.of(Fault.class), jobs.list().ofMinSize(0).ofMaxSize(40),
                        Arbitraries.integers().between(0, 40),
                        Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0)),
                                Tuple.of(1, Arbitraries.integers().between(1, 4))),
                        Arbitraries.of(true, false), Arbitraries.integers().between(0, 5))
                .as(FaultPlan::new)
                .map(FaultPlan::normalized);
    }

    @Property(tries = TRIES)
    void everyFaultEndsInAClearExceptionOrAnOutcome(@ForAll("plans") FaultPlan plan) {
        ProofGuard.within(plan.virtualConsumer(), () -> {
            run(plan);
            return null;
        });
    }

    /** Delegates to a recorder, and throws {@code planned} from one chosen call. */
    static final class FaultyListener implements RunListener {
        final ProofRecorder recorder = new ProofRecorder();
        final String throwOn;
        final int atDelivery;
        final RuntimeException planned = new IllegalStateException("planned listener failure");

        FaultyListener(String throwOn, int atDelivery) {
            this.throwOn = throwOn;
            this.atDelivery = atDelivery;
        }

        @Override
        public void runStarted(RunInfo run) {
            recorder.runStarted(run);
            if (throwOn.equals("start")) {
                throw planned;
            }
        }

        @Override
        public void delivered(RunInfo run, Completion<?> completion) {
            recorder.delivered(run, completion);
            if (throwOn.equals("delivered") && recorder.delivered.size() == atDelivery) {
                throw planned;
            }
        }

        @Override
        public void runEnded(RunInfo run, List<Integer> stillRunning) {
            recorder.runEnded(run, stillRunning);
            if (throwOn.equals("end")) {
                throw planned;
            }
        }
    }

    private static void run(FaultPlan plan) throws Exception {
        String context = plan.toString();
        ProofProbe probe = new ProofProbe(plan.jobs());
        String throwOn = switch (plan.fault()) {
            case LISTENER_START_THROWS -> "start";
            case LISTENER_DELIVERED_THROWS -> "delivered";
            case LISTENER_END_THROWS -> "end";
            case GATHER_LISTENER_THROWS -> List.of("start", "delivered", "end").get(plan.param() % 3);
            default -> "never";
        };
        FaultyListener listener = new FaultyListener(throwOn, plan.k());
        ThreadCensus census = new ThreadCensus();
        Options options = Options.defaults().listener(listener).stopGrace(ProofPlan.PATIENT_GRACE)
                .threadFactory(census);
        if (plan.maxConcurrency() > 0) {
            options = options.maxConcurrency(plan.maxConcurrency());
        }
        boolean injected = switch (plan.fault()) {
            case CONSUMER_THROWS -> consumerThrows(plan, probe, options, context);
            case CONSUMER_INTERRUPTS_ITSELF -> consumerInterruptsItself(plan, probe, options, context);
            case CONSUMER_INTERRUPTED -> consumerInterrupted(plan, probe, options, context);
            case PROGRESS_THROWS, PROGRESS_OVERFLOWS -> progressFails(plan, probe, options, context);
            case LISTENER_START_THROWS -> listenerStartThrows(probe, options, listener, context);
            case LISTENER_DELIVERED_THROWS -> listenerDeliveredThrows(plan, probe, options, listener, context);
            case LISTENER_END_THROWS -> listenerEndThrows(plan, probe, options, listener, context);
            case CONCURRENT_CLOSE -> concurrentClose(plan, probe, options, context);
            case EXECUTOR_REJECTS -> executorRejects(plan, probe, options, context);
            case NEVER_FINISH_CLOSED -> neverFinishClosed(plan, probe, options, context);
            case TASK_ERRORS -> taskErrors(plan, probe, options, context);
            case GATHER_INTERRUPTED -> gatherInterrupted(plan, probe, options, context);
            case GATHER_LISTENER_THROWS -> gatherListenerThrows(plan, probe, options, listener, context);
            case TASK_CLOSES_ITS_RUN -> taskClosesItsRun(plan, probe, options, context);
            case CALLBACK_CLOSES_ITS_RUN -> callbackClosesItsRun(plan, options, context);
        };
        probe.closeReturned();
        // Every fault path ends with the run closed: every thread the library made ends.
        census.assertAllEnd(context);
        probe.awaitAllEnded(context);
        probe.joinTaskThreads();
        STATS.add("scenarios");
        STATS.add("tasks", plan.size());
        STATS.max("largestN", plan.size());
        if (injected) {
            STATS.add("faultsInjected");
            STATS.add("fault." + plan.fault());
        }
    }

    // ------------------------------------------------------------------------------------------------ the faults

    private static boolean consumerThrows(FaultPlan plan, ProofProbe probe, Options options, String context) {
        RuntimeException planned = new IllegalStateException("planned consumer failure");
        List<Completion<Integer>> got = new ArrayList<>();
        AsCompleted<Integer> results = AsCompleted.of(probe.callables(), options);
        RuntimeException caught = null;
        try (results) {
            for (Completion<Integer> done : results) {
                got.add(done);
                if (got.size() == plan.k()) {
                    throw planned;
                }
            }
        } catch (IllegalStateException e) {
            caught = e;
        }
        boolean injected = plan.k() <= plan.size();
        assertSame(injected ? planned : null, caught, context + ": the consumer's own exception, unchanged");
        afterClose(results, probe, got, injected ? plan.k() : plan.size(), context);
        return injected;
    }

    private static boolean consumerInterruptsItself(FaultPlan plan, ProofProbe probe, Options options,
                                                    String context) {
        List<Completion<Integer>> got = new ArrayList<>();
        AsCompleted<Integer> results = AsCompleted.of(probe.callables(), options);
        Iterator<Completion<Integer>> it = results.iterator();
        CancellationException caught = null;
        try {
            while (it.hasNext()) {
                got.add(it.next());
                if (got.size() == plan.k()) {
                    Thread.currentThread().interrupt();
                }
            }
        } catch (CancellationException e) {
            caught = e;
        }
        boolean interrupted = Thread.interrupted();
        results.close();
        boolean injected = plan.k() <= plan.size();
        checkInterruptOutcome(caught, interrupted, injected, it, context);
        afterClose(results, probe, got, caught != null ? got.size() : plan.size(), context);
        return injected;
    }

    private static boolean consumerInterrupted(FaultPlan plan, ProofProbe probe, Options options, String context)
            throws InterruptedException {
        List<Completion<Integer>> got = new ArrayList<>();
        AsCompleted<Integer> results = AsCompleted.of(probe.callables(), options);
        Interrupter interrupter = new Interrupter(Thread.currentThread(), plan.param());
        Iterator<Completion<Integer>> it = results.iterator();
        CancellationException caught = null;
        try {
            while (it.hasNext()) {
                got.add(it.next());
            }
        } catch (CancellationException e) {
            caught = e;
        }
        boolean injected = interrupter.finish();
        boolean interrupted = Thread.interrupted();
        results.close();
        checkInterruptOutcome(caught, interrupted, injected, it, context);
        afterClose(results, probe, got, caught != null ? got.size() : plan.size(), context);
        return injected;
    }

    /**
     * An interrupt of the consumer is never swallowed: either the iterator ends with CancellationException
     * caused by InterruptedException, or the interrupt arrived while no wait was needed; the status is set in
     * both cases.
     */
    private static void checkInterruptOutcome(CancellationException caught, boolean interrupted, boolean injected,
                                              Iterator<?> it, String context) {
        if (caught != null) {
            assertInstanceOf(InterruptedException.class, caught.getCause(), context);
            assertTrue(interrupted, context + ": interrupt status not restored");
            assertFalse(it.hasNext(), context + ": iteration continues after the interrupt");
        }
        if (injected) {
            assertTrue(interrupted, context + ": the consumer's interrupt was swallowed");
        } else {
            assertNull(caught, context + ": cancelled without an interrupt");
        }
    }

    private static boolean progressFails(FaultPlan plan, ProofProbe probe, Options options, String context) {
        boolean overflow = plan.fault() == Fault.PROGRESS_OVERFLOWS;
        RuntimeException planned = new IllegalStateException("planned progress failure");
        List<Completion<Integer>> got = new ArrayList<>();
        AsCompleted<Integer> results = AsCompleted.of(probe.callables(), options.onProgress((done, total) -> {
            if (done == plan.k()) {
                if (overflow) {
                    recurse(0);
                }
                throw planned;
            }
        }));
        Throwable caught = null;
        try (results) {
            for (Completion<Integer> done : results) {
                got.add(done);
            }
        } catch (IllegalStateException | StackOverflowError e) {
            caught = e;
        }
        boolean injected = plan.k() <= plan.size();
        if (injected && overflow) {
            assertInstanceOf(StackOverflowError.class, caught, context);
        } else {
            assertSame(injected ? planned : null, caught, context + ": the callback's own exception, unchanged");
        }
        afterClose(results, probe, got, injected ? plan.k() - 1 : plan.size(), context);
        return injected;
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    private static boolean listenerStartThrows(ProofProbe probe, Options options, FaultyListener listener,
                                               String context) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AsCompleted.of(probe.callables(), options));
        assertSame(listener.planned, e, context);
        assertEquals(0, probe.enteredCount(), context + ": tasks started although the run failed to start");
        return true;
    }

    private static boolean listenerDeliveredThrows(FaultPlan plan, ProofProbe probe, Options options,
                                                   FaultyListener listener, String context) {
        List<Completion<Integer>> got = new ArrayList<>();
        AsCompleted<Integer> results = AsCompleted.of(probe.callables(), options);
        IllegalStateException caught = null;
        try (results) {
            for (Completion<Integer> done : results) {
                got.add(done);
            }
        } catch (IllegalStateException e) {
            caught = e;
        }
        boolean injected = plan.k() <= plan.size();
        assertSame(injected ? listener.planned : null, caught, context);
        afterClose(results, probe, got, injected ? plan.k() - 1 : plan.size(), context);
        return injected;
    }

    private static boolean listenerEndThrows(FaultPlan plan, ProofProbe probe, Options options,
                                             FaultyListener listener, String context) {
        boolean leaveEarly = plan.param() % 2 == 1 && plan.k() < plan.size();
        List<Completion<Integer>> got = new ArrayList<>();
        AsCompleted<Integer> results = AsCompleted.of(probe.callables(), options);
        IllegalStateException caught = null;
        try (results) {
            for (Completion<Integer> done : results) {
                got.add(done);
                if (leaveEarly && got.size() == plan.k()) {
                    break;
                }
            }
        } catch (IllegalStateException e) {
            caught = e;
        }
        assertSame(listener.planned, caught, context + ": runEnded's exception must reach the caller");
        results.close(); // runEnded was already called once; a second close neither calls it nor throws
        assertEquals(1, Collections.frequency(listener.recorder.events, "end"), context);
        afterClose(results, probe, got, leaveEarly ? plan.k() : plan.size(), context);
        return true;
    }

    /**
     * Two other threads close the run while the consumer iterates. Each close() must return only once every
     * task has stopped, including the one that found the run already closing.
     */
    private static boolean concurrentClose(FaultPlan plan, ProofProbe probe, Options options, String context)
            throws Exception {
        List<Completion<Integer>> got = new ArrayList<>();
        AsCompleted<Integer> results = AsCompleted.of(probe.callables(), options);
        CountDownLatch go = new CountDownLatch(1);
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<Thread> closers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Thread.Builder builder = (c + plan.param()) % 2 == 0 ? Thread.ofVirtual() : Thread.ofPlatform();
            closers.add(builder.name("proof-closer-" + c).start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                results.close();
                try {
                    probe.checkAfterClose(results.stillRunning(), true, true, "closer");
                } catch (AssertionError e) {
                    problems.add(Thread.currentThread().getName() + ": " + e.getMessage());
                }
            }));
        }
        Iterator<Completion<Integer>> it = results.iterator();
        if (plan.k() == 0) {
            go.countDown();
        }
        try {
            while (it.hasNext()) {
                got.add(it.next());
                if (got.size() == plan.k()) {
                    go.countDown();
                }
            }
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("closed"), context + ": " + e.getMessage());
        }
        go.countDown();
        for (Thread closer : closers) {
            closer.join();
        }
        assertEquals(List.of(), problems, context + ": a close() returned before the tasks had stopped");
        afterClose(results, probe, got, got.size(), context);
        return true;
    }

    private static boolean executorRejects(FaultPlan plan, ProofProbe probe, Options options, String context) {
        int period = 1 + plan.param() % 3;
        AtomicInteger submissions = new AtomicInteger();
        AtomicInteger rejections = new AtomicInteger();
        Executor rejecting = task -> {
            if (submissions.incrementAndGet() % period == 0) {
                rejections.incrementAndGet();
                throw new RejectedExecutionException("planned rejection");
            }
            pool.execute(task);
        };
        List<Completion<Integer>> got = new ArrayList<>();
        AsCompleted<Integer> results = AsCompleted.of(probe.callables(), options.executor(rejecting));
        try (results) {
            for (Completion<Integer> done : results) {
                got.add(done);
            }
        }
        int rejected = 0;
        for (Completion<Integer> c : got) {
            if (c.outcome() instanceof Outcome.Failure<Integer> f && f.exception() instanceof RejectedExecutionException) {
                assertEquals("planned rejection", f.exception().getMessage(), context);
                assertTrue(c.started().isEmpty(), context + ": a rejected task has no start time");
                rejected++;
            } else if (c.outcome() instanceof Outcome.Failure<Integer> f) {
                probe.assertPlannedThrowable(c.index(), f.exception(), context);
            } else {
                assertEquals(c.index(), c.value(), context);
            }
        }
        assertEquals(rejections.get(), rejected, context + ": each rejected submission is one failed task");
        if (plan.maxConcurrency() > 0) {
            assertTrue(probe.peak() <= plan.maxConcurrency(), context + ": peak " + probe.peak());
        }
        probe.checkAfterClose(results.stillRunning(), true, false, context);
        checkDelivered(got, plan.size(), plan.size(), context);
        return rejected > 0;
    }

    private static boolean neverFinishClosed(FaultPlan plan, ProofProbe probe, Options options, String context) {
        List<Completion<Integer>> got = new ArrayList<>();
        AsCompleted<Integer> results = AsCompleted.of(probe.callables(), options);
        try (results) {
            if (plan.k() > 0) {
                for (Completion<Integer> done : results) {
                    got.add(done);
                    if (got.size() == plan.k()) {
                        break;
                    }
                }
            }
        }
        for (Completion<Integer> c : got) {
            assertFalse(probe.kindIs(c.index(), Kind.HANG), context + ": a never-ending task arrived: " + c);
        }
        for (int i = 0; i < plan.size(); i++) {
            if (probe.kindIs(i, Kind.HANG) && probe.entered(i)) {
                assertTrue(probe.sawInterrupt(i), context + ": close() did not interrupt never-ending task " + i);
            }
        }
        afterClose(results, probe, got, plan.k(), context);
        return true;
    }

    private static boolean taskErrors(FaultPlan plan, ProofProbe probe, Options options, String context)
            throws InterruptedException {
        if (plan.param() % 3 == 0) {
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> Gather.all(probe.callables(), options));
            probe.assertPlannedThrowable(e.index(), e.getCause(), context);
            probe.checkAfterClose(List.of(), true, true, context);
            return e.getCause() instanceof Error;
        }
        List<Completion<Integer>> got = new ArrayList<>();
        AsCompleted<Integer> results = AsCompleted.of(probe.callables(), options);
        try (results) {
            for (Completion<Integer> done : results) {
                got.add(done);
            }
        }
        int errors = 0;
        for (Completion<Integer> c : got) {
            if (c.outcome() instanceof Outcome.Failure<Integer> f) {
                probe.assertPlannedThrowable(c.index(), f.exception(), context);
                errors += f.exception() instanceof Error ? 1 : 0;
            }
        }
        assertEquals(plan.count(Kind.ERROR) + plan.count(Kind.OVERFLOW), errors, context + ": every Error delivered");
        afterClose(results, probe, got, plan.size(), context);
        return errors > 0;
    }

    private static boolean gatherInterrupted(FaultPlan plan, ProofProbe probe, Options options, String context)
            throws InterruptedException {
        Interrupter interrupter = new Interrupter(Thread.currentThread(), plan.param());
        InterruptedException caught = null;
        try {
            if (plan.param() % 2 == 0) {
                Gather.all(probe.callables(), options);
            } else {
                Gather.settled(probe.callables(), options);
            }
        } catch (InterruptedException e) {
            caught = e;
        }
        assertTrue(interrupter.finish(), context + ": gather returned although a task never ends");
        Thread.interrupted();
        assertInstanceOf(InterruptedException.class, caught, context);
        probe.checkAfterClose(List.of(), true, true, context);
        return true;
    }

    private static boolean gatherListenerThrows(FaultPlan plan, ProofProbe probe, Options options,
                                                FaultyListener listener, String context) {
        boolean settled = plan.k() % 2 == 0;
        boolean delivers = plan.k() <= plan.size();
        IllegalStateException caught = null;
        try {
            if (settled) {
                Gather.settled(probe.callables(), options);
            } else {
                Gather.all(probe.callables(), options);
            }
        } catch (IllegalStateException e) {
            caught = e;
        } catch (TaskFailedException | InterruptedException e) {
            caught = null; // a failing task ends Gather.all before any delivery; checked below
            assertTrue(!settled && plan.count(Kind.FAIL) > 0, context + ": " + e);
        }
        boolean injected = switch (listener.throwOn) {
            case "start", "end" -> true;
            default -> delivers && (settled || plan.count(Kind.FAIL) == 0);
        };
        if (listener.throwOn.equals("start")) {
            assertSame(listener.planned, caught, context);
            assertEquals(0, probe.enteredCount(), context + ": tasks started although the run failed to start");
            return true;
        }
        if (injected) {
            assertSame(listener.planned, caught, context + ": the listener's exception must reach the caller");
        }
        probe.checkAfterClose(List.of(), true, true, context);
        return injected;
    }

    /**
     * One task (at position k, or one more position if k is past the end) closes its own run while the consumer
     * iterates and then closes it too, under an endless stop grace: any close waiting for the task's own thread
     * would never return. Afterwards only that task may still run, and it is reported.
     */
    private static boolean taskClosesItsRun(FaultPlan plan, ProofProbe probe, Options options, String context)
            throws InterruptedException {
        CompletableFuture<AsCompleted<Integer>> handle = new CompletableFuture<>();
        List<Callable<Integer>> tasks = new ArrayList<>(probe.callables());
        int closer = Math.min(plan.k(), tasks.size());
        Callable<Integer> closing = () -> {
            Thread.sleep(plan.param());
            handle.get().close();
            return closer;
        };
        if (closer == tasks.size()) {
            tasks.add(closing);
        } else {
            tasks.set(closer, closing); // the probe never sees this position: it has no record to check
        }
        AsCompleted<Integer> results = AsCompleted.of(tasks,
                options.stopGrace(ChronoUnit.FOREVER.getDuration()));
        handle.complete(results);
        List<Completion<Integer>> got = new ArrayList<>();
        try (results) {
            for (Completion<Integer> done : results) {
                got.add(done);
            }
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("closed"), context + ": " + e.getMessage());
        }
        assertTrue(List.of(closer).containsAll(results.stillRunning()),
                context + ": only the closing task may still run, but " + results.stillRunning());
        probe.checkAfterClose(List.of(), true, true, context);
        ProofChecks.arrivals(got, tasks.size(), got.size(), context);
        ProofChecks.finishingOrder(got, context);
        return true; // the caller checks that every thread of the run ends
    }

    /**
     * Futures that never complete carry a callback that closes the run. The deadline cancels them, so the
     * callback runs inside the deadline's cancellation on the JDK's timer thread, while the consumer closes the
     * run as well: neither may wait for the other.
     */
    private static boolean callbackClosesItsRun(FaultPlan plan, Options options, String context) {
        CompletableFuture<AsCompleted<Integer>> handle = new CompletableFuture<>();
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            int index = i;
            Job job = plan.jobs().get(i);
            CompletableFuture<Integer> future = new CompletableFuture<>();
            if (job.kind() == Kind.HANG || i % 3 == 0) {
                future.whenComplete((v, e) -> {
                    AsCompleted<Integer> run = handle.getNow(null);
                    if (run != null) {
                        run.close();
                    }
                });
            } else {
                CompletableFuture.delayedExecutor(job.delayMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> future.complete(index));
            }
            futures.add(future);
        }
        AsCompleted<Integer> results = AsCompleted.ofFutures(futures, options
                .timeout(Duration.ofMillis(1 + plan.param())).stopGrace(ChronoUnit.FOREVER.getDuration()));
        handle.complete(results);
        List<Completion<Integer>> got = new ArrayList<>();
        try (results) {
            for (Completion<Integer> done : results) {
                got.add(done);
            }
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("closed"), context + ": " + e.getMessage());
        }
        for (CompletableFuture<Integer> future : futures) {
            assertTrue(future.isDone(), context + ": a future is still pending after close");
        }
        ProofChecks.arrivals(got, futures.size(), got.size(), context);
        ProofChecks.finishingOrder(got, context);
        return plan.size() > 0;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** After the run is closed: no more results, nothing alive, and what was received is consistent. */
    private static void afterClose(AsCompleted<Integer> results, ProofProbe probe, List<Completion<Integer>> got,
                                   int expectedCount, String context) {
        IllegalStateException e = assertThrows(IllegalStateException.class, results::iterator, context);
        assertTrue(e.getMessage().contains("closed") || e.getMessage().contains("only once"), context);
        probe.checkAfterClose(results.stillRunning(), true, true, context);
        checkDelivered(got, probe.jobs.size(), expectedCount, context);
    }

    private static void checkDelivered(List<Completion<Integer>> got, int size, int expectedCount, String context) {
        ProofChecks.arrivals(got, size, expectedCount, context);
        ProofChecks.finishingOrder(got, context);
    }

    /**
     * Interrupts a thread after a delay unless told first that it finished; {@link #finish()} says whether the
     * interrupt was sent, and guarantees none is sent afterwards.
     */
    static final class Interrupter {
        private final Thread interrupter;
        private final AtomicBoolean sent = new AtomicBoolean();
        private final Object lock = new Object();
        private boolean finished;

        Interrupter(Thread target, int delayMillis) {
            interrupter = Thread.ofVirtual().name("proof-interrupter").start(() -> {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (lock) {
                    if (!finished) {
                        sent.set(true);
                        target.interrupt();
                    }
                }
            });
        }

        boolean finish() {
            synchronized (lock) {
                finished = true;
            }
            boolean interrupted = false;
            while (true) {
                try {
                    interrupter.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // our own interrupt arriving: keep it for the caller to inspect
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return sent.get();
        }
    }
}
