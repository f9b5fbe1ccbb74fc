package arrivals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * One generated scenario of futures that are already running when {@link AsCompleted#ofFutures} sees them:
 * timer-driven values and failures, futures that never complete, the same future at several positions, and
 * dependent stages of earlier ones.
 *
 * @param jobs     one entry per position, in input order
 * @param timeout  the run's deadline, if any
 * @param failFast the fail-fast setting
 * @param stopAt   how many results the consumer takes before leaving; -1 (or at least N) drains all
 * @param exit     how the consumer iterates and leaves
 * @param knobs    consumer thread kind, listener and progress (the grace is unused: futures have no threads)
 */
record FuturePlan(List<FutureJob> jobs, Optional<Duration> timeout, boolean failFast, int stopAt,
                  ProofPlan.Exit exit, ProofPlan.Knobs knobs) {

    enum Kind {
        /** Completes with its index after its delay (0: already complete). */
        VALUE,
        /** Completes exceptionally with a failure made for its index after its delay (0: already failed). */
        FAIL,
        /** Never completes; only generated when something is sure to cancel it. */
        HANG,
        /** The very same future object as an earlier position. */
        SAME,
        /** {@code thenApply(identity)} of an earlier position's future: settles right after it, the same way. */
        THEN
    }

    /** Who completes a delayed future: a scheduler thread of the test, or the JDK's delayed executor. */
    enum Timer { SCHEDULER, DELAYED_EXECUTOR }

    /** @param back for SAME and THEN, how many positions back the source is (clamped to position 0) */
    record FutureJob(Kind kind, int delayMillis, Timer timer, int back) {
    }

    int size() {
        return jobs.size();
    }

    boolean leavesEarly() {
        return stopAt >= 0 && stopAt < jobs.size();
    }

    /** The position whose future ultimately decides position {@code index}. */
    int root(int index) {
        int i = index;
        while (jobs.get(i).kind() == Kind.SAME || jobs.get(i).kind() == Kind.THEN) {
            i = source(i);
        }
        return i;
    }

    int source(int index) {
        return Math.max(0, index - jobs.get(index).back());
    }

    Kind rootKind(int index) {
        return jobs.get(root(index)).kind();
    }

    /**
     * Creates the futures and starts their timers now, as a caller would before handing them over.
     * Position i fails with {@code failures[i]}.
     */
    List<CompletableFuture<Integer>> start(ScheduledExecutorService scheduler, ProofProbe.PlannedFailure[] failures) {
        List<CompletableFuture<Integer>> futures = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            FutureJob job = jobs.get(i);
            int index = i;
            CompletableFuture<Integer> future = switch (job.kind()) {
                case VALUE -> job.delayMillis() == 0
                        ? CompletableFuture.completedFuture(index)
                        : later(scheduler, job, f -> f.complete(index));
                case FAIL -> job.delayMillis() == 0
                        ? CompletableFuture.failedFuture(failures[index])
                        : later(scheduler, job, f -> f.completeExceptionally(failures[index]));
                case HANG -> new CompletableFuture<>();
                case SAME -> futures.get(source(index));
                case THEN -> futures.get(source(index)).thenApply(v -> v);
            };
            futures.add(future);
        }
        return futures;
    }

    private static CompletableFuture<Integer> later(ScheduledExecutorService scheduler, FutureJob job,
                                                    Consumer<CompletableFuture<Integer>> end) {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        if (job.timer() == Timer.SCHEDULER) {
            scheduler.schedule(() -> end.accept(future), job.delayMillis(), TimeUnit.MILLISECONDS);
        } else {
            CompletableFuture.delayedExecutor(job.delayMillis(), TimeUnit.MILLISECONDS).execute(() -> end.accept(future));
        }
        return future;
    }

    @Override
    public String toString() {
        StringBuilder kinds = new StringBuilder();
        for (FutureJob job : jobs) {
            kinds.append(job.kind().name().charAt(0));
            if (job.kind() == Kind.SAME || job.kind() == Kind.THEN) {
                kinds.append('-').append(job.back());
            } else if (job.kind() != Kind.HANG) {
                kinds.append(job.delayMillis()).append(job.timer() == Timer.SCHEDULER ? "s" : "d");
            }
            kinds.append(' ');
        }
        return "FuturePlan[n=" + jobs.size() + ", timeout=" + timeout.map(Duration::toString).orElse("none")
                + ", failFast=" + failFast + ", stopAt=" + stopAt + ", exit=" + exit + ", " + knobs
                + ", jobs=[" + kinds.toString().trim() + "]]";
    }

    // ---------------------------------------------------------------------------------------------- generators

    static Arbitrary<FutureJob> jobs(boolean mixed) {
        Arbitrary<Kind> kinds = mixed
                ? Arbitraries.frequency(Tuple.of(70, Kind.VALUE), Tuple.of(8, Kind.FAIL), Tuple.of(6, Kind.HANG),
                        Tuple.of(8, Kind.SAME), Tuple.of(8, Kind.THEN))
                : Arbitraries.just(Kind.VALUE);
        return Combinators.combine(kinds, ProofPlan.delays(), Arbitraries.of(Timer.class),
                Arbitraries.integers().between(1, 5)).as(FutureJob::new);
    }

    static Arbitrary<List<FutureJob>> jobLists(int largest) {
        return Arbitraries.of(true, true, false).flatMap(m -> Arbitraries.frequencyOf(
                Tuple.of(5, jobs(m).list().ofMinSize(0).ofMaxSize(12)),
                Tuple.of(4, jobs(m).list().ofMinSize(13).ofMaxSize(150)),
                Tuple.of(1, jobs(m).list().ofMinSize(151).ofMaxSize(largest))));
    }

    static Arbitrary<FuturePlan> plans(int largest) {
        return Combinators.combine(jobLists(largest), ProofPlan.timeouts(), Arbitraries.of(true, false),
                        ProofPlan.stopPoints(), Arbitraries.of(ProofPlan.Exit.class), ProofPlan.knobSettings())
                .as(FuturePlan::new)
                .map(FuturePlan::normalized);
    }

    /**
     * Position 0 has nothing earlier to share or depend on, so SAME or THEN there becomes VALUE; and, as in
     * {@link ProofPlan#withoutEndlessHangs}, HANG needs a timeout, or fail-fast and a failure somewhere.
     */
    FuturePlan normalized() {
        boolean failureIsSure = failFast && jobs.stream().anyMatch(j -> j.kind() == Kind.FAIL);
        boolean hangsEnd = timeout.isPresent() || failureIsSure;
        List<FutureJob> fixed = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            FutureJob job = jobs.get(i);
            boolean noSource = i == 0 && (job.kind() == Kind.SAME || job.kind() == Kind.THEN);
            boolean endless = job.kind() == Kind.HANG && !hangsEnd;
            fixed.add(noSource || endless ? new FutureJob(Kind.VALUE, job.delayMillis(), job.timer(), job.back()) : job);
        }
        return new FuturePlan(fixed, timeout, failFast, stopAt, exit, knobs);
    }
}
