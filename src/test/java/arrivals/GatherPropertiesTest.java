package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import arrivals.ProofPlan.Job;
import arrivals.ProofPlan.Kind;
import arrivals.ProofPlan.Runner;
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
 * Generated scenarios for {@link Gather#all} and {@link Gather#settled}: results in input order whatever the
 * finishing order; {@code all} fails fast with the original exception of a task that failed, or reports every
 * straggler of a timeout; {@code settled} gives each position its own outcome; nothing outlives the call.
 */
class GatherPropertiesTest {
    static final int TRIES = 2_500;
    private static final ProofStats STATS = new ProofStats("GatherProperties");
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
    void resultsComeBackInInputOrderAndNothingOutlivesTheCall(@ForAll("plans") ProofPlan generated,
                                                              @ForAll boolean settled) {
        ProofPlan plan = generated.withFailFast(!settled); // all() is always fail-fast, settled() never
        ProofGuard.within(plan.knobs().virtualConsumer(), () -> {
            run(plan, settled);
            return null;
        });
    }

    private static void run(ProofPlan plan, boolean settled) throws Exception {
        String context = (settled ? "settled " : "all ") + plan;
        int n = plan.size();
        ProofProbe probe = new ProofProbe(plan.jobs());
        ProofRecorder recorder = new ProofRecorder();
        // Without a listener nothing would tell us which stubborn tasks were still running when gather returned.
        boolean listen = plan.knobs().listener() || !plan.strictClose();
        ThreadCensus census = new ThreadCensus();
        Options options = plan.options(pool, plan.failFast(), listen ? recorder : null,
                plan.knobs().progress() ? recorder : null, census);

        List<Outcome<Integer>> outcomes = null;
        List<Integer> values = null;
        RuntimeException thrown = null;
        try {
            if (settled) {
                outcomes = Gather.settled(probe.callables(), options);
            } else {
                values = Gather.all(probe.callables(), options);
            }
        } catch (TaskFailedException | DeadlineExceededException e) {
            thrown = e;
        }
        probe.closeReturned();
        List<Integer> stillRunning = listen ? recorder.stillRunningAtEnd : List.of();
        assertNotNull(stillRunning, context + ": runEnded was not called before gather returned");
        int leaked = probe.checkAfterClose(stillRunning, plan.strictClose(),
                plan.runner() == Runner.VIRTUAL_THREADS, context);
        if (plan.strictClose()) {
            census.assertAllEnd(context + ": threads after gather returned");
            STATS.add("threadCensusChecks");
        }

        if (settled) {
            assertEquals(null, thrown, context);
            checkSettled(plan, probe, outcomes, context);
        } else {
            checkAll(plan, probe, values, thrown, context);
        }
        if (plan.maxConcurrency() > 0) {
            assertTrue(probe.peak() <= plan.maxConcurrency(),
                    context + ": " + probe.peak() + " tasks ran at once, limit " + plan.maxConcurrency());
        }
        if (plan.knobs().progress()) {
            recorder.checkProgress(n, n, Thread.currentThread(), context); // gather takes every result
        }
        if (listen) {
            recorder.checkListener("gather", n, n, context);
            Completion<?> first = n == 0 ? null : recorder.delivered.get(0);
            for (int i = 0; i < n; i++) {
                Completion<?> c = recorder.delivered.get(i);
                assertEquals(i, c.index(), context + ": gather reports in input order");
                assertEquals(i, c.arrival(), context);
                assertEquals(first.received(), c.received(), context + ": gather hands everything over at once");
            }
        }

        probe.awaitAllEnded(context);
        probe.joinTaskThreads();
        STATS.add("scenarios");
        STATS.add(settled ? "settledCalls" : "allCalls");
        STATS.add("tasks", n);
        STATS.max("largestN", n);
        STATS.add("leakedThreads", leaked);
        if (thrown != null) {
            STATS.add("threw" + thrown.getClass().getSimpleName());
        }
        if (plan.timeout().isPresent()) {
            STATS.add("withTimeout");
        }
        for (Job job : plan.jobs()) {
            if (job.kind() != Kind.SUCCEED) {
                STATS.add("tasks" + job.kind());
            }
        }
    }

    private static void checkSettled(ProofPlan plan, ProofProbe probe, List<Outcome<Integer>> outcomes,
                                     String context) {
        assertEquals(plan.size(), outcomes.size(), context);
        for (int i = 0; i < plan.size(); i++) {
            Kind kind = plan.jobs().get(i).kind();
            Outcome<Integer> outcome = outcomes.get(i);
            String what = context + ": position " + i + " (" + kind + ") settled as " + outcome;
            switch (outcome) {
                case Outcome.Success<Integer> s -> {
                    assertTrue(kind.succeeds(), what);
                    assertEquals(i, s.value(), what + ": results must stay in input order");
                }
                case Outcome.Failure<Integer> f -> probe.assertPlannedThrowable(i, f.exception(), what);
                case Outcome.Cancelled<Integer> c -> fail(what + ": settled() never cancels");
                case Outcome.TimedOut<Integer> t -> assertTrue(plan.timeout().isPresent(), what);
            }
            if (kind == Kind.HANG) {
                assertInstanceOf(Outcome.TimedOut.class, outcome, what + ": a straggler must be reported as timed out");
            }
        }
    }

    private static void checkAll(ProofPlan plan, ProofProbe probe, List<Integer> values, RuntimeException thrown,
                                 String context) {
        List<Integer> hanging = new ArrayList<>();
        boolean failing = false;
        for (int i = 0; i < plan.size(); i++) {
            Kind kind = plan.jobs().get(i).kind();
            hanging.addAll(kind == Kind.HANG ? List.of(i) : List.of());
            failing |= kind.fails();
        }
        switch (thrown) {
            case null -> {
                assertTrue(hanging.isEmpty(), context + ": returned although tasks " + hanging + " never end");
                assertFalse(failing && plan.timeout().isEmpty(), context + ": returned although a task failed");
                List<Integer> inputOrder = new ArrayList<>();
                for (int i = 0; i < plan.size(); i++) {
                    inputOrder.add(i);
                }
                assertEquals(inputOrder, values, context + ": results must come back in input order");
            }
            case TaskFailedException e -> {
                int i = e.index();
                Job job = plan.jobs().get(i);
                String what = context + ": " + e;
                probe.assertPlannedThrowable(i, e.getCause(), what + ": the original throwable, unwrapped");
                assertEquals(ProofChecks.expectedName(i, job.named()), e.taskName(), what);
            }
            case DeadlineExceededException e -> {
                String what = context + ": " + e.getMessage();
                assertEquals(plan.timeout().orElse(null), e.timeout(), what);
                List<Integer> unfinished = e.unfinished();
                assertEquals(unfinished.stream().sorted().distinct().toList(), unfinished, what + ": ascending");
                assertTrue(unfinished.containsAll(hanging), what + ": every straggler must be listed " + hanging);
                assertFalse(unfinished.isEmpty(), what);
            }
            default -> throw thrown;
        }
    }
}
