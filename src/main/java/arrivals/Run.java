package arrivals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The machinery shared by {@link Gather} and {@link AsCompleted}: start the tasks, collect each outcome into
 * one queue as it settles (O(1) per task), enforce the deadline, fail fast, and stop everything on close.
 * One thread consumes ({@link #take}); any number of task threads settle.
 */
final class Run<T> {
    private static final AtomicLong IDS = new AtomicLong();
    /** Tasks started by the creating thread before a background thread takes over the rest of a large input. */
    private static final int INLINE_LAUNCHES = 256;

    final RunInfo info;
    private final long origin = System.nanoTime();
    private final List<Slot<T>> slots;
    private final boolean failFast;
    private final int maxConcurrency;
    private final Executor executor;
    private final Progress progress;
    private final Duration timeout;
    private final Duration stopGrace;
    private final LinkedTransferQueue<Slot<T>> arrivals = new LinkedTransferQueue<>();
    private final ReentrantLock arrivalLock = new ReentrantLock();
    private final ReentrantLock cancelLock = new ReentrantLock();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Thread> lastExited = new AtomicReference<>();
    private final AtomicInteger nextLaunch = new AtomicInteger();
    private final AtomicInteger pendingLaunches = new AtomicInteger();
    private final AtomicInteger inside = new AtomicInteger();
    private final ReentrantLock quietLock = new ReentrantLock();
    private final Condition quiet = quietLock.newCondition();
    private final AtomicReference<Slot<T>> firstFailure = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closeDone = new CountDownLatch(1);
    private final CompletableFuture<Void> deadline = new CompletableFuture<>();
    private final Outcome<T> cancelled = new Outcome.Cancelled<>();
    private final Outcome<T> timedOut = new Outcome.TimedOut<>();
    private volatile boolean stopping;
    private volatile List<Integer> stillRunning = List.of();
    private int taken; // consumer thread only

    private Run(String strategy, int size, Options options, boolean failFast) {
        this.info = new RunInfo(IDS.incrementAndGet(), strategy, size, Instant.now());
        this.slots = new ArrayList<>(size);
        this.failFast = failFast;
        this.maxConcurrency = options.maxConcurrency();
        this.executor = options.executor().orElse(null);
        this.progress = options.progress().orElse(null);
        this.timeout = options.timeout().orElse(null);
        this.stopGrace = options.stopGrace();
    }

    static <T> Run<T> ofCallables(String strategy, List<? extends Callable<? extends T>> tasks, Options options,
                                  boolean failFast) {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(options, "options");
        Run<T> run = new Run<>(strategy, tasks.size(), options, failFast);
        int i = 0;
        for (Callable<? extends T> task : tasks) { // copied first, so later changes to the caller's list can't race
            if (task == null) {
                throw new NullPointerException("tasks[" + i + "] is null");
            }
            run.slots.add(new CallableSlot<>(i++, Task.nameOf(task), run, task));
        }
        return run;
    }

    static <T> Run<T> ofFutures(String strategy, Collection<? extends CompletableFuture<? extends T>> futures,
                                Options options, boolean failFast) {
        Objects.requireNonNull(futures, "futures");
        Objects.requireNonNull(options, "options");
        if (options.maxConcurrency() != Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxConcurrency does not apply to futures, which are already running");
        }
        if (options.executor().isPresent()) {
            throw new IllegalArgumentException("executor does not apply to futures, which are already running");
        }
        Run<T> run = new Run<>(strategy, futures.size(), options, failFast);
        int i = 0;
        for (CompletableFuture<? extends T> future : futures) {
            if (future == null) {
                throw new NullPointerException("futures[" + i + "] is null");
            }
            run.slots.add(new FutureSlot<>(i++, null, run, future));
        }
        return run;
    }

    /** Nanoseconds since the run was created, on the monotonic clock. */
    long clock() {
        return System.nanoTime() - origin;
    }

    int size() {
        return slots.size();
    }

    Duration timeout() {
        return timeout;
    }

    /** Arms the deadline and starts the tasks; a large input is started from a background thread. */
    void start() {
        if (timeout != null && !slots.isEmpty()) {
            // orTimeout's timer is cancelled when the future completes, so a finished run leaves no timer behind.
            deadline.orTimeout(nanos(timeout), TimeUnit.NANOSECONDS)
                    .whenComplete((ignored, error) -> {
                        if (error != null) {
                            cancelAll(timedOut);
                        }
                    });
        }
        for (Slot<T> slot : slots) {
            if (slot instanceof FutureSlot<T> f) {
                f.observe();
            }
        }
        if (slots.isEmpty() || !(slots.get(0) instanceof CallableSlot<T>)) {
            return;
        }
        int initial = Math.min(slots.size(), maxConcurrency);
        nextLaunch.set(initial);
        int inline = Math.min(initial, INLINE_LAUNCHES);
        for (int i = 0; i < inline && !stopping; i++) {
            launchOrPassOn(i);
        }
        if (inline < initial) {
            // The consumer can take the first results while the remaining tasks are still being started.
            startThread("arrivals-" + info.id() + "-launcher", () -> {
                for (int i = inline; i < initial && !stopping; i++) {
                    launchOrPassOn(i);
                }
            });
        }
    }

    /**
     * Launches one of the first tasks. If the executor rejects it, no task will finish to free its concurrency
     * slot, so the slot goes to the next waiting task (otherwise a run whose first submissions all fail would
     * wait forever).
     */
    private void launchOrPassOn(int index) {
        if (!launch(index)) {
            launchNext();
        }
    }

    private boolean launch(int index) {
        CallableSlot<T> slot = (CallableSlot<T>) slots.get(index);
        if (slot.isSettled()) {
            return false;
        }
        if (executor == null) {
            startThread("arrivals-" + info.id() + "-task-" + index, slot);
            return true;
        }
        try {
            executor.execute(slot);
            return true;
        } catch (RejectedExecutionException e) {
            slot.settle(new Outcome.Failure<>(e));
            return false;
        }
    }

    private void startThread(String name, Runnable body) {
        Thread thread = Thread.ofVirtual().name(name).unstarted(() -> {
            try {
                body.run();
            } finally {
                exiting();
            }
        });
        threads.add(thread);
        thread.start();
    }

    /**
     * A thread leaves {@link #threads} a moment before it terminates, so joining what is left in the set could
     * return while it is still alive. Each exiting thread therefore waits for the one that exited before it;
     * once the set is empty, joining the last one to exit covers them all.
     */
    private void exiting() {
        Thread self = Thread.currentThread();
        Thread previous = lastExited.getAndSet(self); // before leaving the set: close() relies on this order
        threads.remove(self);
        if (previous != null) {
            join(previous, Long.MAX_VALUE); // past its task already, so this wait is short and can't deadlock
        }
    }

    /**
     * Starts the next waiting task under a concurrency limit. Launches are serialised through a counter rather
     * than recursion, so an executor that runs tasks on the calling thread can't overflow the stack.
     */
    private void launchNext() {
        if (pendingLaunches.getAndIncrement() != 0) {
            return;
        }
        do {
            while (!stopping) {
                int i = nextLaunch.getAndIncrement();
                if (i >= slots.size() || launch(i)) {
                    break;
                }
            }
        } while (pendingLaunches.decrementAndGet() != 0);
    }

    /** Called exactly once per slot, by whichever thread settled it. */
    void onSettled(Slot<T> slot) {
        // Stamp and queue as one step, so arrival order and finished() agree exactly: stamped outside the lock,
        // a thread paused between the two steps would deliver its result after one that finished later.
        arrivalLock.lock();
        try {
            slot.finishedNanos = clock();
            arrivals.add(slot);
        } finally {
            arrivalLock.unlock();
        }
        if (slot.outcome() instanceof Outcome.Failure<T> && firstFailure.compareAndSet(null, slot) && failFast) {
            cancelAll(cancelled);
        } else if (maxConcurrency != Integer.MAX_VALUE && slot.isRunning() && !stopping) {
            launchNext();
        }
    }

    private void cancelAll(Outcome<T> reason) {
        stopping = true;
        // One cancellation at a time, so that close() returns only after one already under way (the deadline's,
        // or fail-fast's) has also stopped the work of the slots it settled.
        cancelLock.lock();
        try {
            // Settle every open slot before stopping any work: cancelling one future can complete another (the
            // same future at two positions, or a dependent stage), which must still be reported with this reason.
            List<Slot<T>> stop = new ArrayList<>();
            for (Slot<T> slot : slots) {
                if (!slot.isSettled() && slot.settle(reason)) {
                    stop.add(slot);
                }
            }
            for (Slot<T> slot : stop) {
                slot.stop();
            }
        } finally {
            cancelLock.unlock();
        }
    }

    void taskEntered() {
        inside.incrementAndGet();
    }

    void taskExited() {
        inside.decrementAndGet();
        if (stopping) { // close waits for the count to reach 0, or 1 when a task closes its own run: awaitQuiet
            quietLock.lock();
            try {
                quiet.signalAll();
            } finally {
                quietLock.unlock();
            }
        }
    }

    boolean exhausted() {
        return taken == slots.size();
    }

    /**
     * Waits for the next settled task and turns it into a completion, in arrival order.
     *
     * @throws InterruptedException if the consumer is interrupted while waiting
     */
    Completion<T> take() throws InterruptedException {
        Slot<T> slot = arrivals.take();
        Completion<T> completion = new Completion<>(slot.index, slot.name, taken++, slot.outcome(),
                slot.startedNanos, slot.finishedNanos, clock(), timeout);
        if (progress != null) {
            progress.update(taken, slots.size());
        }
        return completion;
    }

    /** The first task to fail, by the time it failed, or null. */
    Slot<T> firstFailure() {
        return firstFailure.get();
    }

    Outcome<T> outcomeAt(int index) {
        return slots.get(index).outcome();
    }

    /**
     * Cancels every unfinished task and waits up to the stop grace for all of them, and for every thread this
     * run started, to stop. Idempotent: a call while another thread is closing waits for that close to end.
     * Returns the tasks that ignored the interrupt and are still running.
     * An interrupt of the closing thread does not cut the wait short; it is restored afterwards.
     */
    List<Integer> close() {
        if (!closed.compareAndSet(false, true)) {
            // Another thread's close may still be stopping the tasks: returning now would break the promise that
            // nothing runs once close() returns. But that close waits for our tasks' threads and for a running
            // cancellation, so a task, or a callback run by a cancellation, must not wait for it in turn.
            Thread self = Thread.currentThread();
            if (!threads.contains(self) && tasksRunningOn(self) == 0 && !cancelLock.isHeldByCurrentThread()) {
                awaitClosed();
            }
            return stillRunning;
        }
        try {
            return stopEverything();
        } finally {
            closeDone.countDown();
        }
    }

    private List<Integer> stopEverything() {
        cancelAll(cancelled);
        deadline.complete(null);
        boolean interrupted = Thread.interrupted();
        long end;
        try {
            end = Math.addExact(System.nanoTime(), nanos(stopGrace));
        } catch (ArithmeticException e) {
            end = Long.MAX_VALUE; // a grace of centuries: wait as long as it takes
        }
        // A task may close its own run; its thread can't wait for itself, so it is left out of the waits.
        Thread self = Thread.currentThread();
        try {
            // Repeat until the set is empty: a launch racing with cancelAll may add a thread after a first pass.
            while (System.nanoTime() < end) {
                List<Thread> others = new ArrayList<>(threads);
                others.remove(self);
                if (others.isEmpty()) {
                    break;
                }
                for (Thread thread : others) {
                    interrupted |= join(thread, end);
                }
            }
            Thread last = lastExited.get();
            if (last != null && last != self && threads.stream().allMatch(self::equals)) {
                interrupted |= join(last, end);
            }
            interrupted |= awaitQuiet(end, tasksRunningOn(self));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        List<Integer> running = new ArrayList<>();
        for (Slot<T> slot : slots) {
            if (slot.isRunning()) {
                running.add(slot.index);
            }
        }
        stillRunning = List.copyOf(running);
        return stillRunning;
    }

    /** Waits for the first close to finish; like close itself, not cut short by an interrupt (restored after). */
    private void awaitClosed() {
        boolean interrupted = false;
        while (true) {
            try {
                closeDone.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        // The first close may have been a callback inside a cancellation that is still stopping other slots.
        cancelLock.lock();
        cancelLock.unlock();
    }

    /** {@code d} in nanoseconds, capped at Long.MAX_VALUE (Duration.toNanos throws beyond 292 years). */
    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Waits for {@code thread} until {@code end} (Long.MAX_VALUE: no limit); returns whether it was interrupted. */
    private static boolean join(Thread thread, long end) {
        boolean interrupted = false;
        while (true) {
            long left = end == Long.MAX_VALUE ? Long.MAX_VALUE : end - System.nanoTime();
            if (left <= 0) {
                return interrupted;
            }
            try {
                if (left == Long.MAX_VALUE) {
                    thread.join();
                } else {
                    thread.join(Duration.ofNanos(left));
                }
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    /** How many of this run's tasks the given thread is inside (more than one only under a direct executor). */
    private int tasksRunningOn(Thread thread) {
        int count = 0;
        for (Slot<T> slot : slots) {
            if (slot instanceof CallableSlot<T> c && c.runsOn(thread)) {
                count++;
            }
        }
        return count;
    }

    /** Waits until at most {@code own} tasks (those of the closing thread itself) are still inside. */
    private boolean awaitQuiet(long end, int own) {
        boolean interrupted = false;
        quietLock.lock();
        try {
            while (inside.get() > own) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    quiet.awaitNanos(left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            quietLock.unlock();
        }
        return interrupted;
    }

    boolean isClosed() {
        return closed.get();
    }

    List<Integer> stillRunning() {
        return stillRunning;
    }
}
