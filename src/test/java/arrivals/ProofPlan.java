package arrivals;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * One generated scenario of blocking callables: what each task does, and how the run is configured and consumed.
 * Generators live here so the AsCompleted, Gather and fault properties draw from the same distribution.
 *
 * @param jobs           one entry per task, in input order
 * @param timeout        the run's deadline, if any
 * @param maxConcurrency the concurrency limit, 0 for unbounded
 * @param failFast       the fail-fast setting (AsCompleted only; Gather fixes it)
 * @param stopAt         how many results the consumer takes before leaving; -1 (or at least N) drains all
 * @param exit           how the consumer iterates and leaves
 * @param runner         where the tasks run
 * @param knobs          consumer thread kind, listener, progress callback and stop grace
 */
record ProofPlan(List<Job> jobs, Optional<Duration> timeout, int maxConcurrency, boolean failFast, int stopAt,
                 Exit exit, Runner runner, Knobs knobs) {

    /** What a task does. Delays are 0-5 ms, mostly 0, so ties are common. */
    enum Kind {
        /** Sleeps its delay (interruptibly), then returns its index. */
        SUCCEED,
        /** Sleeps its delay, then throws a failure made for its index. */
        FAIL,
        /** Sleeps (interruptibly) until cancelled. Only generated when something is sure to cancel it. */
        HANG,
        /** Ignores interrupts and returns its index after 10-30 ms of wall time, cancelled or not. */
        STUBBORN,
        /** Recurses until a real StackOverflowError. */
        OVERFLOW,
        /** Throws an Error (not an Exception) made for its index, after its delay. */
        ERROR,
        /** Like SUCCEED, but takes 2 ms more to give up once interrupted: cooperative, yet slow to stop. */
        SLOW_STOP;

        /** One letter per kind for compact plans in failure messages: S F H B O E W. */
        char code() {
            return "SFHBOEW".charAt(ordinal());
        }

        /** Whether a task of this kind ends with an exception or error of its own. */
        boolean fails() {
            return this == FAIL || this == OVERFLOW || this == ERROR;
        }

        /** Whether a task of this kind returns its index when nothing cancels it. */
        boolean succeeds() {
            return this == SUCCEED || this == STUBBORN || this == SLOW_STOP;
        }
    }

    enum Exit { FOR_LOOP, ITERATOR, STREAM }

    enum Runner { VIRTUAL_THREADS, POOL, DIRECT }

    /** Platform threads of the shared POOL runner; also a concurrency limit when deciding what can hang. */
    static final int POOL_THREADS = 4;

    /**
     * Takes completions from {@code results} the way {@code exit} says, stopping after {@code stop} of them (or
     * never, when negative), and leaves the run closed; an iterator must report nothing more once it is.
     */
    static <T> List<Completion<T>> consume(AsCompleted<T> results, Exit exit, int stop, String context) {
        List<Completion<T>> got = new ArrayList<>();
        switch (exit) {
            case FOR_LOOP -> {
                try (results) {
                    if (stop != 0) {
                        for (Completion<T> done : results) {
                            got.add(done);
                            if (got.size() == stop) {
                                break;
                            }
                        }
                    }
                }
            }
            case ITERATOR -> {
                Iterator<Completion<T>> it = results.iterator();
                while (got.size() != stop && it.hasNext()) {
                    got.add(it.next());
                }
                results.close();
                assertFalse(it.hasNext(), context + ": hasNext after close");
            }
            case STREAM -> {
                try (var stream = results.stream()) { // like Files.lines: closing the stream closes the run
                    got.addAll(stop < 0 ? stream.toList() : stream.limit(stop).toList());
                }
            }
        }
        return got;
    }

    /** The executor that scenarios choosing an executor run on: named daemon platform threads, so a leak shows. */
    static java.util.concurrent.ExecutorService newPool() {
        java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();
        return java.util.concurrent.Executors.newFixedThreadPool(POOL_THREADS,
                r -> Thread.ofPlatform().name("proof-pool-" + ids.incrementAndGet()).daemon().unstarted(r));
    }

    record Job(Kind kind, int delayMillis, boolean named) {
    }

    /**
     * @param virtualConsumer whether the consuming thread is virtual
     * @param listener        attach a recording RunListener
     * @param progress        attach a recording progress callback
     * @param graceMillis     stop grace used when the plan has STUBBORN tasks (0-20 ms); otherwise the default
     */
    record Knobs(boolean virtualConsumer, boolean listener, boolean progress, int graceMillis) {
    }

    int size() {
        return jobs.size();
    }

    boolean leavesEarly() {
        return stopAt >= 0 && stopAt < jobs.size();
    }

    boolean hasStubborn() {
        return jobs.stream().anyMatch(j -> j.kind() == Kind.STUBBORN);
    }

    /**
     * A stop grace that no well-behaved task can outlast, however loaded the machine: close() returns as soon
     * as the tasks have stopped, so it costs nothing, yet a stalled close would still show (as a slow failure).
     * With the default of 1 s, a task that the OS didn't schedule for a second would rightly be reported as
     * still running, which says nothing about the library.
     */
    static final Duration PATIENT_GRACE = Duration.ofSeconds(30);

    /** STUBBORN tasks outlive a close, so those plans use a small stop grace; every other plan a patient one. */
    Duration stopGrace() {
        return hasStubborn() ? Duration.ofMillis(knobs.graceMillis()) : PATIENT_GRACE;
    }

    /** Whether close() must join every thread before returning (no task outlives the grace). */
    boolean strictClose() {
        return !hasStubborn();
    }

    Options options(Executor pool, boolean failFastSetting, RunListener listener, Progress progress,
                    ThreadCensus census) {
        Options options = Options.defaults().failFast(failFastSetting).stopGrace(stopGrace()).threadFactory(census);
        if (timeout.isPresent()) {
            options = options.timeout(timeout.get());
        }
        if (maxConcurrency > 0) {
            options = options.maxConcurrency(maxConcurrency);
        }
        options = switch (runner) {
            case VIRTUAL_THREADS -> options;
            case POOL -> options.executor(pool);
            case DIRECT -> options.executor(Runnable::run);
        };
        if (listener != null) {
            options = options.listener(listener);
        }
        if (progress != null) {
            options = options.onProgress(progress);
        }
        return options;
    }

    @Override
    public String toString() {
        StringBuilder kinds = new StringBuilder();
        for (Job job : jobs) {
            kinds.append(job.kind().code()).append(job.delayMillis()).append(job.named() ? "n " : " ");
        }
        return "ProofPlan[n=" + jobs.size() + ", timeout=" + timeout.map(Duration::toString).orElse("none")
                + ", maxConcurrency=" + (maxConcurrency == 0 ? "unbounded" : maxConcurrency)
                + ", failFast=" + failFast + ", stopAt=" + stopAt + ", exit=" + exit + ", runner=" + runner
                + ", " + knobs + ", jobs (S succeed, F fail, H hang, B ignores interrupts, O stack overflow,"
                + " E error, W slow to stop; delay ms; n named)=[" + kinds.toString().trim() + "]]";
    }

    // ---------------------------------------------------------------------------------------------- generators

    static Arbitrary<Integer> delays() {
        return Arbitraries.frequency(Tuple.of(12, 0), Tuple.of(2, 1), Tuple.of(2, 2), Tuple.of(1, 3),
                Tuple.of(1, 4), Tuple.of(2, 5));
    }

    static Arbitrary<Job> jobs(boolean mixed) {
        Arbitrary<Kind> kinds = mixed
                ? Arbitraries.frequency(Tuple.of(76, Kind.SUCCEED), Tuple.of(8, Kind.FAIL), Tuple.of(6, Kind.HANG),
                        Tuple.of(2, Kind.STUBBORN), Tuple.of(1, Kind.OVERFLOW), Tuple.of(2, Kind.ERROR),
                        Tuple.of(5, Kind.SLOW_STOP))
                : Arbitraries.just(Kind.SUCCEED);
        return Combinators.combine(kinds, delays(), Arbitraries.of(false, false, true)).as(Job::new);
    }

    /** Mostly small inputs, many medium ones, and some above the 256 tasks started inline (the launcher path). */
    static Arbitrary<List<Job>> jobLists(int largest) {
        Arbitrary<Boolean> mixed = Arbitraries.of(true, true, false);
        return mixed.flatMap(m -> Arbitraries.frequencyOf(
                Tuple.of(5, jobs(m).list().ofMinSize(0).ofMaxSize(12)),
                Tuple.of(4, jobs(m).list().ofMinSize(13).ofMaxSize(150)),
                Tuple.of(1, jobs(m).list().ofMinSize(257).ofMaxSize(largest))));
    }

    static Arbitrary<Optional<Duration>> timeouts() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Optional.<Duration>empty())),
                Tuple.of(4, Arbitraries.integers().between(1, 30).map(ms -> Optional.of(Duration.ofMillis(ms)))),
                Tuple.of(1, Arbitraries.integers().between(1, 500_000).map(ns -> Optional.of(Duration.ofNanos(ns)))));
    }

    static Arbitrary<Integer> concurrencyLimits() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(0)),
                Tuple.of(4, Arbitraries.integers().between(1, 8)),
                Tuple.of(1, Arbitraries.integers().between(9, 300)));
    }

    static Arbitrary<Integer> stopPoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(-1)),
                Tuple.of(4, Arbitraries.integers().between(0, 200)));
    }

    static Arbitrary<Runner> runners() {
        return Arbitraries.frequency(Tuple.of(8, Runner.VIRTUAL_THREADS), Tuple.of(1, Runner.POOL),
                Tuple.of(1, Runner.DIRECT));
    }

    static Arbitrary<Knobs> knobSettings() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 20)).as(Knobs::new);
    }

    static Arbitrary<ProofPlan> plans(int largest) {
        return Combinators.combine(jobLists(largest), timeouts(), concurrencyLimits(), Arbitraries.of(true, false),
                        stopPoints(), Arbitraries.of(Exit.class), runners(), knobSettings())
                .as(ProofPlan::new)
                .map(ProofPlan::withinBudget)
                .map(ProofPlan::withoutEndlessHangs);
    }

    /** Rough wall time the tasks need if nothing cancels them, in ms: their work spread over the usable slots. */
    long estimatedMillis() {
        long work = 0;
        for (Job job : jobs) {
            work += job.kind() == Kind.STUBBORN ? ProofProbe.stubbornMillis(job) : job.delayMillis();
        }
        return work / concurrencyLimit();
    }

    /**
     * Keeps a scenario within about {@link #BUDGET_MILLIS} so that thousands fit in a CI run: when a small
     * concurrency limit would serialise many delays, the delays from the end of the list become 0 (more ties),
     * then the last STUBBORN tasks become SUCCEED.
     */
    ProofPlan withinBudget() {
        if (estimatedMillis() <= BUDGET_MILLIS) {
            return this;
        }
        List<Job> fixed = new ArrayList<>(jobs);
        for (int i = fixed.size() - 1; i >= 0 && planWith(fixed).estimatedMillis() > BUDGET_MILLIS; i--) {
            Job job = fixed.get(i);
            fixed.set(i, new Job(job.kind(), 0, job.named()));
        }
        for (int i = fixed.size() - 1; i >= 0 && planWith(fixed).estimatedMillis() > BUDGET_MILLIS; i--) {
            Job job = fixed.get(i);
            if (job.kind() == Kind.STUBBORN) {
                fixed.set(i, new Job(Kind.SUCCEED, 0, job.named()));
            }
        }
        return planWith(fixed);
    }

    static final long BUDGET_MILLIS = 25;

    private ProofPlan planWith(List<Job> newJobs) {
        return new ProofPlan(newJobs, timeout, maxConcurrency, failFast, stopAt, exit, runner, knobs);
    }

    /** How many tasks can run at once: the limit, the pool's threads, or 1 for a direct executor. */
    long concurrencyLimit() {
        long limit = maxConcurrency == 0 ? Long.MAX_VALUE : maxConcurrency;
        return switch (runner) {
            case VIRTUAL_THREADS -> limit;
            case POOL -> Math.min(limit, POOL_THREADS);
            case DIRECT -> 1;
        };
    }

    /**
     * A HANG task ends only when something cancels it. A plan in which nothing is sure to (no timeout, and no
     * failure that fail-fast will see) would simply never end, which tests nothing about the library; its HANG
     * tasks become SUCCEED. Gather.all is always fail-fast; its property passes failFast = true.
     */
    ProofPlan withoutEndlessHangs() {
        if (timeout.isPresent() || failureIsSure()) {
            return this;
        }
        List<Job> fixed = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            fixed.add(job.kind() == Kind.HANG ? new Job(Kind.SUCCEED, job.delayMillis(), job.named()) : job);
        }
        return new ProofPlan(fixed, timeout, maxConcurrency, failFast, stopAt, exit, runner, knobs);
    }

    /**
     * True when fail-fast is on and some failing task is sure to start: on threads, tasks start in input order,
     * and HANG tasks ahead of it can hold at most (limit - 1) of the run's concurrency slots. A direct executor
     * runs tasks inside other tasks' completion, in no order worth relying on, so there only a timeout counts.
     */
    private boolean failureIsSure() {
        if (!failFast || runner == Runner.DIRECT) {
            return false;
        }
        long limit = concurrencyLimit();
        int hangsBefore = 0;
        for (Job job : jobs) {
            if (job.kind().fails()) {
                return hangsBefore < limit;
            }
            if (job.kind() == Kind.HANG) {
                hangsBefore++;
            }
        }
        return false;
    }

    ProofPlan withFailFast(boolean on) {
        return new ProofPlan(jobs, timeout, maxConcurrency, on, stopAt, exit, runner, knobs).withoutEndlessHangs();
    }
}
