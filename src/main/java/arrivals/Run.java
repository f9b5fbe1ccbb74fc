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
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextLaunch = new AtomicInteger();
    private final AtomicInteger pendingLaunches = new AtomicInteger();
    private final AtomicInteger inside = new AtomicInteger();
    private final ReentrantLock quietLock = new ReentrantLock();
    private final Condition quiet = quietLock.newCondition();
    private final AtomicReference<Slot<T>> firstFailure = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
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

    static <T> Run<T> ofAsync(String strategy,
                              List<? extends Callable<? extends CompletableFuture<? extends T>>> starters,
                              Options options, boolean failFast) {
        Objects.requireNonNull(starters, "starters");
        Objects.requireNonNull(options, "options");
        if (options.executor().isPresent()) {
            throw new IllegalArgumentException("executor does not apply to asynchronous tasks, which need no thread");
        }
        Run<T> run = new Run<>(strategy, starters.size(), options, failFast);
        int i = 0;
        for (Callable<? extends CompletableFuture<? extends T>> starter : starters) {
            if (starter == null) {
                throw new NullPointerException("starters[" + i + "] is null");
            }
            run.slots.add(new AsyncSlot<>(i++, Task.nameOf(starter), run, starter));
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
            deadline.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
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
        if (slots.isEmpty() || slots.get(0) instanceof FutureSlot<T>) {
            return;
        }
        int initial = Math.min(slots.size(), maxConcurrency);
        nextLaunch.set(initial);
        int inline = Math.min(initial, INLINE_LAUNCHES);
        for (int i = 0; i < inline && !stopping; i++) {
            launch(i);
        }
        if (inline < initial) {
            // The consumer can take the first results while the remaining tasks are still being started.
            startThread("arrivals-" + info.id() + "-launcher", () -> {
                for (int i = inline; i < initial && !stopping; i++) {
                    launch(i);
                }
            });
        }
    }

    private boolean launch(int index) {
        Slot<T> next = slots.get(index);
        if (next.isSettled()) {
            return false;
        }
        if (next instanceof AsyncSlot<T> async) {
            async.start(); // asynchronous work needs no thread: the launching thread just starts it
            return true;
        }
        CallableSlot<T> slot = (CallableSlot<T>) next;
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
                threads.remove(Thread.currentThread());
            }
        });
        threads.add(thread);
        thread.start();
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
        arrivals.add(slot);
        if (slot.outcome() instanceof Outcome.Failure<T> && firstFailure.compareAndSet(null, slot) && failFast) {
            cancelAll(cancelled);
        } else if (maxConcurrency != Integer.MAX_VALUE && slot.wasLaunched() && !stopping) {
            launchNext();
        }
    }

    private void cancelAll(Outcome<T> reason) {
        stopping = true;
        for (Slot<T> slot : slots) {
            if (!slot.isSettled()) {
                slot.cancel(reason);
            }
        }
    }

    void taskEntered() {
        inside.incrementAndGet();
    }

    void taskExited() {
        if (inside.decrementAndGet() == 0 && stopping) {
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
     * run started, to stop. Idempotent. Returns the tasks that ignored the interrupt and are still running.
     * An interrupt of the closing thread does not cut the wait short; it is restored afterwards.
     */
    List<Integer> close() {
        if (!closed.compareAndSet(false, true)) {
            return stillRunning;
        }
        cancelAll(cancelled);
        deadline.complete(null);
        boolean interrupted = Thread.interrupted();
        long end = System.nanoTime() + stopGrace.toNanos();
        try {
            // Repeat until the set is empty: a launch racing with cancelAll may add a thread after a first pass.
            while (!threads.isEmpty() && System.nanoTime() < end) {
                for (Thread thread : List.copyOf(threads)) {
                    interrupted |= join(thread, end);
                }
            }
            interrupted |= awaitQuiet(end);
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

    private static boolean join(Thread thread, long end) {
        boolean interrupted = false;
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return interrupted;
            }
            try {
                thread.join(Duration.ofNanos(left));
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    private boolean awaitQuiet(long end) {
        boolean interrupted = false;
        quietLock.lock();
        try {
            while (inside.get() > 0) {
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
