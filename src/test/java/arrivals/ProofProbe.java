package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import arrivals.ProofPlan.Job;
import arrivals.ProofPlan.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Builds the instrumented tasks of one plan and watches them from the inside: which thread ran each task, whether
 * its code is still running, whether it saw an interrupt, and how many tasks ran at once. These records, not the
 * library's own bookkeeping, are what the leak and concurrency invariants are checked against.
 */
final class ProofProbe {
    /** STUBBORN tasks run this long (plus 0-20 ms) whatever happens, so they end by themselves. */
    static final int STUBBORN_MILLIS = 10;

    private static final int NOT_ENTERED = 0, ACTIVE = 1, EXITED = 2;

    /** A task's planned failure; checked (not a RuntimeException) so any wrapping would show. */
    static final class PlannedFailure extends Exception {
        final int index;

        PlannedFailure(int index) {
            super("planned failure of task " + index, null, false, false);
            this.index = index;
        }
    }

    /** A task's planned Error: not an Exception, so it tests the paths that catch Throwable. */
    static final class PlannedError extends Error {
        PlannedError(int index) {
            super("planned error of task " + index, null, false, false);
        }
    }

    final List<Job> jobs;
    private final PlannedFailure[] failures;
    private final PlannedError[] errors;
    private final AtomicReferenceArray<Thread> threads;
    private final AtomicIntegerArray state;
    private final AtomicIntegerArray interrupted;
    private final AtomicIntegerArray startedAfterClose;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private volatile boolean closeReturned;

    ProofProbe(List<Job> jobs) {
        this.jobs = jobs;
        int n = jobs.size();
        failures = new PlannedFailure[n];
        errors = new PlannedError[n];
        for (int i = 0; i < n; i++) {
            failures[i] = new PlannedFailure(i);
            errors[i] = new PlannedError(i);
        }
        threads = new AtomicReferenceArray<>(n);
        state = new AtomicIntegerArray(n);
        interrupted = new AtomicIntegerArray(n);
        startedAfterClose = new AtomicIntegerArray(n);
    }

    List<Callable<Integer>> callables() {
        List<Callable<Integer>> tasks = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            int index = i;
            Job job = jobs.get(i);
            Callable<Integer> body = () -> {
                enter(index);
                try {
                    return work(index, job);
                } finally {
                    exit(index);
                }
            };
            tasks.add(job.named() ? Task.of(nameOf(index), body) : body);
        }
        return tasks;
    }

    /** How long a STUBBORN task runs: 10-30 ms, from its delay. */
    static long stubbornMillis(Job job) {
        return STUBBORN_MILLIS + 4L * job.delayMillis();
    }

    static String nameOf(int index) {
        return "t" + index;
    }

    PlannedFailure failureOf(int index) {
        return failures[index];
    }

    /**
     * What a failing task of this plan threw, when it is knowable in advance: the planned failure or error;
     * null for OVERFLOW, whose StackOverflowError is made by the JVM.
     */
    Throwable plannedThrowable(int index) {
        return switch (jobs.get(index).kind()) {
            case FAIL -> failures[index];
            case ERROR -> errors[index];
            default -> null;
        };
    }

    /** Checks that {@code thrown} is exactly what task {@code index} was planned to throw. */
    void assertPlannedThrowable(int index, Throwable thrown, String context) {
        Kind kind = jobs.get(index).kind();
        if (kind == Kind.OVERFLOW) {
            assertTrue(thrown instanceof StackOverflowError, context + ": expected a StackOverflowError, got " + thrown);
        } else {
            assertTrue(kind == Kind.FAIL || kind == Kind.ERROR, context + ": a " + kind + " task failed with " + thrown);
            assertTrue(plannedThrowable(index) == thrown,
                    context + ": expected the very throwable the task threw, got " + thrown);
        }
    }

    int peak() {
        return peak.get();
    }

    boolean sawInterrupt(int index) {
        return interrupted.get(index) != 0;
    }

    boolean entered(int index) {
        return state.get(index) != NOT_ENTERED;
    }

    int enteredCount() {
        int count = 0;
        for (int i = 0; i < jobs.size(); i++) {
            count += entered(i) ? 1 : 0;
        }
        return count;
    }

    private void enter(int index) {
        threads.set(index, Thread.currentThread());
        if (closeReturned) {
            startedAfterClose.set(index, 1);
        }
        state.set(index, ACTIVE);
        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
    }

    private void exit(int index) {
        running.decrementAndGet();
        state.set(index, EXITED);
    }

    private Integer work(int index, Job job) throws Exception {
        switch (job.kind()) {
            case SUCCEED -> {
                pause(index, job.delayMillis());
                return index;
            }
            case FAIL -> {
                pause(index, job.delayMillis());
                throw failures[index];
            }
            case HANG -> {
                pause(index, 60_000);
                throw new AssertionError("task " + index + " was meant to hang until cancelled");
            }
            case STUBBORN -> {
                long end = System.nanoTime() + Duration.ofMillis(stubbornMillis(job)).toNanos();
                for (long left; (left = end - System.nanoTime()) > 0; ) {
                    try {
                        Thread.sleep(Duration.ofNanos(left));
                    } catch (InterruptedException e) {
                        interrupted.set(index, 1); // and carry on: this task ignores cancellation
                    }
                }
                return index;
            }
            case OVERFLOW -> {
                return recurse(index);
            }
            case ERROR -> {
                pause(index, job.delayMillis());
                throw errors[index];
            }
            case SLOW_STOP -> {
                try {
                    pause(index, job.delayMillis());
                } catch (InterruptedException e) {
                    long end = System.nanoTime() + Duration.ofMillis(2).toNanos();
                    while (System.nanoTime() < end) {
                        LockSupport.parkNanos(end - System.nanoTime()); // parks through further interrupts
                    }
                    throw e;
                }
                return index;
            }
        }
        throw new AssertionError(job.kind());
    }

    private void pause(int index, int millis) throws InterruptedException {
        if (millis == 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            interrupted.set(index, 1);
            throw e;
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    /** Called by the scenario as soon as close() (or the Gather call) has returned. */
    void closeReturned() {
        closeReturned = true;
    }

    /**
     * The invariants that hold the moment close() has returned: every task whose code is still running, or that
     * started after close, is reported in {@code stillRunning}; and when no task ignores interrupts (a strict
     * close, default grace) nothing is reported and no thread that ran a task is still alive.
     *
     * @param ownThreads whether tasks ran on threads the library started (not a caller's executor)
     * @return how many threads leaked (the caller asserts 0; it is also a reported figure)
     */
    int checkAfterClose(List<Integer> stillRunning, boolean strict, boolean ownThreads, String context) {
        int leaked = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (state.get(i) == ACTIVE && !stillRunning.contains(i)) {
                problems.add("task " + i + " (" + jobs.get(i).kind() + ") still runs but is not reported");
                leaked++;
            }
            if (startedAfterClose.get(i) != 0 && !stillRunning.contains(i)) {
                problems.add("task " + i + " started after close() returned");
            }
            if (strict && ownThreads) {
                Thread t = threads.get(i);
                if (t != null && !ends(t)) {
                    problems.add("the thread of task " + i + " (" + t + ") never ended after close()");
                    leaked++;
                }
            }
        }
        if (strict && !stillRunning.isEmpty()) {
            problems.add("no task ignores interrupts, yet stillRunning = " + stillRunning);
        }
        if (!problems.isEmpty()) {
            fail(context + ": " + problems);
        }
        return leaked;
    }

    /**
     * Waits for every task to end by itself (STUBBORN ones stop after a bounded time), so nothing outlives the
     * scenario, and fails if some task never ends: the suite must not leak.
     */
    void awaitAllEnded(String context) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (int i = 0; i < jobs.size(); i++) {
            Thread t = threads.get(i);
            while (state.get(i) == ACTIVE && System.nanoTime() < end) {
                if (isLibraryThread(t)) {
                    t.join(Duration.ofMillis(50));
                } else {
                    Thread.sleep(1); // a pool thread: it won't terminate, it just leaves the task
                }
            }
            assertTrue(state.get(i) != ACTIVE, context + ": task " + i + " never ended");
        }
        assertEquals(0, running.get(), context + ": tasks still counted as running");
    }

    /** Joins the threads that ran tasks (only the library's own), so a later leak check starts clean. */
    void joinTaskThreads() throws InterruptedException {
        for (int i = 0; i < jobs.size(); i++) {
            Thread t = threads.get(i);
            if (isLibraryThread(t)) {
                t.join(Duration.ofSeconds(10));
            }
        }
    }

    private static boolean isLibraryThread(Thread t) {
        return t != null && (t.getName().startsWith("arrivals-") || t.getName().startsWith("census-"));
    }

    /**
     * Whether a thread the run started ends. close() returns once no thread is inside a task, as
     * ExecutorService.close() does, so a thread may still be leaving; the task's own state (checked exactly
     * above) says whether any task code still runs. The bound only turns a stuck thread into a failure.
     */
    private static boolean ends(Thread t) {
        try {
            return t.join(ThreadCensus.LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean kindIs(int index, Kind kind) {
        return jobs.get(index).kind() == kind;
    }
}
