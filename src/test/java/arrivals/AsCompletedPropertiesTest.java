package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import arrivals.ProofPlan.Job;
import arrivals.ProofPlan.Kind;
import arrivals.ProofPlan.Runner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated scenarios of blocking callables consumed with {@link AsCompleted#of}: random sizes, delays with ties,
 * failures, Errors, hanging and interrupt-ignoring tasks, timeouts, concurrency limits, fail-fast, executors and
 * a random point at which the consumer leaves. Every scenario checks the whole contract (see {@link #check}).
 */
class AsCompletedPropertiesTest {
    static final int TRIES = 4_000;
    private static final ProofStats STATS = new ProofStats("AsCompletedProperties");
    private static ExecutorService pool;

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
    Arbitrary<ProofPlan> plans() {
        return ProofPlan.plans(400);
    }

    @Property(tries = TRIES)
    void everyTaskArrivesOnceInFinishingOrderAndNothingOutlivesClose(@ForAll("plans") ProofPlan plan) {
        ProofGuard.within(plan.knobs().virtualConsumer(), () -> {
            run(plan);
            return null;
        });
    }

    private static void run(ProofPlan plan) throws Exception {
        long began = System.nanoTime();
        String context = plan.toString();
        ProofProbe probe = new ProofProbe(plan.jobs());
        ProofRecorder recorder = new ProofRecorder();
        ThreadCensus census = new ThreadCensus();
        Options options = plan.options(pool, plan.failFast(), plan.knobs().listener() ? recorder : null,
                plan.knobs().progress() ? recorder : null, census);
        int n = plan.size();
        int stop = plan.leavesEarly() ? plan.stopAt() : -1;
        List<Completion<Integer>> got = new ArrayList<>();

        AsCompleted<Integer> results = AsCompleted.of(probe.callables(), options);
        assertEquals(n, results.size(), context);
        got.addAll(ProofPlan.consume(results, plan.exit(), stop, context));
        probe.closeReturned();
        List<Integer> stillRunning = results.stillRunning();

        int leaked = probe.checkAfterClose(stillRunning, plan.strictClose(),
                plan.runner() == Runner.VIRTUAL_THREADS, context + " (scenario took "
                        + (System.nanoTime() - began) / 1_000_000 + " ms)");
        boolean censused = false;
        if (plan.strictClose()) {
            // Every thread the run made, not only the tasks' records: this also covers the launcher and the timer.
            long t = System.nanoTime();
            census.assertAllEnd(context + ": library threads after close");
            STATS.add("threadCensusMillis", (System.nanoTime() - t) / 1_000_000);
            censused = true;
        }
        check(plan, probe, recorder, got, stillRunning, context);

        probe.awaitAllEnded(context);
        probe.joinTaskThreads();
        if (!plan.strictClose()) {
            census.assertAllEnd(context + ": library threads never ended");
            censused = true;
        }

        STATS.add("scenarioMillis", (System.nanoTime() - began) / 1_000_000);
        STATS.add("scenarios");
        STATS.add("tasks", n);
        STATS.add("completionsChecked", got.size());
        STATS.max("largestN", n);
        STATS.add("leakedThreads", leaked);
        STATS.add(plan.leavesEarly() ? "consumerLeftEarly" : "drained");
        STATS.add("threadCensusChecks", censused ? 1 : 0);
        if (plan.timeout().isPresent()) {
            STATS.add("withTimeout");
        }
        if (plan.maxConcurrency() > 0) {
            STATS.add("withMaxConcurrency");
        }
        if (plan.failFast()) {
            STATS.add("withFailFast");
        }
        for (Job job : plan.jobs()) {
            if (job.kind() != Kind.SUCCEED) {
                STATS.add("tasks" + job.kind());
            }
        }
    }

    private static void check(ProofPlan plan, ProofProbe probe, ProofRecorder recorder,
                              List<Completion<Integer>> got, List<Integer> stillRunning, String context) {
        int n = plan.size();
        boolean drained = !plan.leavesEarly();
        ProofChecks.arrivals(got, n, drained ? n : plan.stopAt(), context);
        ProofChecks.finishingOrder(got, context);

        int firstFailure = Integer.MAX_VALUE;
        for (Completion<Integer> c : got) {
            int i = c.index();
            Job job = plan.jobs().get(i);
            assertEquals(ProofChecks.expectedName(i, job.named()), c.name(), context);
            assertEquals(job.named(), c.hasName(), context);
            String what = context + ": " + c + " of a " + job.kind() + " task";
            switch (c.outcome()) {
                case Outcome.Success<Integer> s -> {
                    assertTrue(job.kind().succeeds(), what);
                    assertEquals(i, s.value(), what);
                    assertTrue(c.started().isPresent(), what + " has no start time");
                }
                case Outcome.Failure<Integer> f -> {
                    firstFailure = Math.min(firstFailure, c.arrival());
                    probe.assertPlannedThrowable(i, f.exception(), what);
                    TaskFailedException e = assertInstanceOf(TaskFailedException.class, thrown(c), what);
                    assertSame(f.exception(), e.getCause(), what + ": value() must carry the original");
                    assertEquals(i, e.index(), what);
                    assertTrue(c.started().isPresent(), what + " has no start time");
                }
                case Outcome.Cancelled<Integer> x -> {
                    assertTrue(plan.failFast(), what + ": cancelled without fail-fast, before the consumer left");
                    assertTrue(c.arrival() > firstFailure, what + ": cancelled before any failure arrived");
                }
                case Outcome.TimedOut<Integer> t -> {
                    Duration timeout = plan.timeout().orElseThrow(() -> new AssertionError(what + ": no timeout"));
                    assertFalse(c.finished().compareTo(timeout) < 0, what + ": timed out before the deadline");
                    DeadlineExceededException e = assertInstanceOf(DeadlineExceededException.class, thrown(c), what);
                    assertEquals(List.of(i), e.unfinished(), what);
                }
            }
            if (drained && job.kind() == Kind.HANG) {
                boolean stopped = c.outcome() instanceof Outcome.TimedOut
                        || (plan.failFast() && c.outcome() instanceof Outcome.Cancelled);
                assertTrue(stopped, what + ": a straggler must be reported as timed out (or cancelled by fail-fast)");
            }
        }

        if (plan.maxConcurrency() > 0) {
            assertTrue(probe.peak() <= plan.maxConcurrency(),
                    context + ": " + probe.peak() + " tasks ran at once, limit " + plan.maxConcurrency());
        }
        if (plan.runner() == Runner.DIRECT) {
            assertTrue(probe.peak() <= 1, context + ": a direct executor ran " + probe.peak() + " tasks at once");
        }
        if (plan.knobs().listener()) {
            recorder.checkListener("as-completed", n, got.size(), context);
            for (int a = 0; a < got.size(); a++) {
                Completion<?> heard = recorder.delivered.get(a);
                assertEquals(got.get(a).index(), heard.index(), context + ": listener saw another completion");
                assertEquals(a, heard.arrival(), context);
            }
            assertEquals(stillRunning, recorder.stillRunningAtEnd, context + ": runEnded vs stillRunning()");
        }
        if (plan.knobs().progress()) {
            recorder.checkProgress(got.size(), n, Thread.currentThread(), context);
        }
    }

    static Throwable thrown(Completion<?> c) {
        try {
            c.value();
        } catch (RuntimeException e) {
            return e;
        }
        return fail("value() of " + c + " did not throw");
    }
}
