package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arrivals.FuturePlan.FutureJob;
import arrivals.FuturePlan.Kind;
import arrivals.ProofProbe.PlannedFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated scenarios of timer-driven futures consumed with {@link AsCompleted#ofFutures}: every position
 * arrives once, in settling order, with the outcome its future had; the deadline reports every straggler as
 * timed out; fail-fast and close cancel the futures not yet delivered; and no thread is involved.
 */
class FuturesPropertiesTest {
    static final int TRIES = 3_000;
    private static final ProofStats STATS = new ProofStats("FuturesProperties");
    private static ScheduledExecutorService scheduler;

    @BeforeContainer
    static void startTimer() {
        STATS.begin();
        scheduler = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("proof-timer").daemon().unstarted(r));
    }

    @AfterContainer
    static void stopTimerAndReport() {
        scheduler.shutdownNow();
        STATS.report();
    }

    @Provide
    Arbitrary<FuturePlan> plans() {
        return FuturePlan.plans(400);
    }

    @Property(tries = TRIES)
    void everyFutureArrivesOnceWithItsOwnOutcome(@ForAll("plans") FuturePlan plan) {
        ProofGuard.within(plan.knobs().virtualConsumer(), () -> {
            run(plan);
            return null;
        });
    }

    private static void run(FuturePlan plan) {
        String context = plan.toString();
        int n = plan.size();
        PlannedFailure[] failures = new PlannedFailure[n];
        for (int i = 0; i < n; i++) {
            failures[i] = new PlannedFailure(i);
        }
        ProofRecorder recorder = new ProofRecorder();
        ThreadCensus census = new ThreadCensus();
        Options options = Options.defaults().failFast(plan.failFast()).threadFactory(census);
        if (plan.timeout().isPresent()) {
            options = options.timeout(plan.timeout().get());
        }
        if (plan.knobs().listener()) {
            options = options.listener(recorder);
        }
        if (plan.knobs().progress()) {
            options = options.onProgress(recorder);
        }
        int stop = plan.leavesEarly() ? plan.stopAt() : -1;
        List<CompletableFuture<Integer>> futures = plan.start(scheduler, failures);
        List<Completion<Integer>> got = new ArrayList<>();

        AsCompleted<Integer> results = AsCompleted.ofFutures(futures, options);
        got.addAll(ProofPlan.consume(results, plan.exit(), stop, context));

        assertEquals(List.of(), results.stillRunning(), context + ": futures have no threads to outlive close");
        for (int i = 0; i < n; i++) {
            assertTrue(futures.get(i).isDone(), context + ": future " + i + " still pending after close");
            if (plan.jobs().get(i).kind() == Kind.HANG) {
                assertTrue(futures.get(i).isCancelled(), context + ": never-ending future " + i + " not cancelled");
            }
        }
        // Futures need no thread of ours; only a deadline needs one, the timer that keeps it.
        assertTrue(census.made() <= (plan.timeout().isPresent() ? 1 : 0),
                context + ": a futures run made " + census.made() + " threads");
        census.assertAllEnd(context);
        STATS.add("threadCensusChecks");

        boolean drained = !plan.leavesEarly();
        ProofChecks.arrivals(got, n, drained ? n : plan.stopAt(), context);
        ProofChecks.finishingOrder(got, context);
        int firstFailure = Integer.MAX_VALUE;
        for (Completion<Integer> c : got) {
            int i = c.index();
            int root = plan.root(i);
            Kind kind = plan.rootKind(i);
            String what = context + ": " + c + " of position " + i + " (" + plan.jobs().get(i).kind()
                    + ", decided by a " + kind + " at " + root + ")";
            assertEquals("#" + i, c.name(), what);
            assertEquals(Duration.ZERO, c.started().orElseThrow(), what + ": a future runs from the start");
            switch (c.outcome()) {
                case Outcome.Success<Integer> s -> {
                    assertEquals(Kind.VALUE, kind, what);
                    assertEquals(root, s.value(), what);
                }
                case Outcome.Failure<Integer> f -> {
                    firstFailure = Math.min(firstFailure, c.arrival());
                    assertEquals(Kind.FAIL, kind, what);
                    assertSame(failures[root], f.exception(), what + ": the original exception, unwrapped");
                }
                case Outcome.Cancelled<Integer> x -> {
                    assertTrue(plan.failFast(), what + ": cancelled without fail-fast, before the consumer left");
                    assertTrue(c.arrival() > firstFailure, what + ": cancelled before any failure arrived");
                }
                case Outcome.TimedOut<Integer> t -> {
                    Duration timeout = plan.timeout().orElseThrow(() -> new AssertionError(what + ": no timeout"));
                    assertFalse(c.finished().compareTo(timeout) < 0, what + ": timed out before the deadline");
                }
            }
            if (drained && kind == Kind.HANG) {
                boolean stopped = c.outcome() instanceof Outcome.TimedOut
                        || (plan.failFast() && c.outcome() instanceof Outcome.Cancelled);
                assertTrue(stopped, what + ": a straggler must be reported as timed out (or cancelled by fail-fast)");
            }
        }
        if (plan.knobs().listener()) {
            recorder.checkListener("as-completed", n, got.size(), context);
            assertEquals(List.of(), recorder.stillRunningAtEnd, context);
        }
        if (plan.knobs().progress()) {
            recorder.checkProgress(got.size(), n, Thread.currentThread(), context);
        }

        STATS.add("scenarios");
        STATS.add("futures", n);
        STATS.add("completionsChecked", got.size());
        STATS.max("largestN", n);
        STATS.add(plan.leavesEarly() ? "consumerLeftEarly" : "drained");
        if (plan.timeout().isPresent()) {
            STATS.add("withTimeout");
        }
        if (plan.failFast()) {
            STATS.add("withFailFast");
        }
        for (FutureJob job : plan.jobs()) {
            if (job.kind() != Kind.VALUE) {
                STATS.add("futures" + job.kind());
            }
        }
    }
}
