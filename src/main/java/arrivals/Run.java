package arrivals;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);

    /** What the run's positions hold, and so how their slots are made and started. */
    private enum Kind { CALLABLES, FUTURES, ASYNC }

    final RunInfo info;
    private final long origin = System.nanoTime();
    /**
     * Position i holds the caller's task until its slot is made, then the slot. Slots of callables and starters
     * are made when they are first needed (at launch, or when cancelled), so a large input starts its first tasks
     * without first allocating a slot for every task. A caller's task is never a Slot (a package-private type),
     * which tells the two apart.
     */
    private final Object[] slots;
    private final Kind kind;
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

    private Run(String strategy, Kind kind, Object[] tasks, Options options, boolean failFast) {
        this.info = new RunInfo(IDS.incrementAndGet(), strategy, tasks.length, Instant.now());
        this.slots = tasks;
        this.kind = kind;
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
        // Copied first, so later changes to the caller's list can't race with the launches.
        Object[] copy = withoutNulls(tasks.toArray(new Object[0]), "tasks");
        return new Run<>(strategy, Kind.CALLABLES, copy, options, failFast);
    }

    @SuppressWarnings("unchecked")
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
        Object[] copy = withoutNulls(futures.toArray(new Object[0]), "futures");
        Run<T> run = new Run<>(strategy, Kind.FUTURES, copy, options, failFast);
        for (int i = 0; i < copy.length; i++) { // the futures are running already: observe each from the start
            copy[i] = new FutureSlot<>(i, null, run, (CompletableFuture<? extends T>) copy[i]);
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
        Object[] copy = withoutNulls(starters.toArray(new Object[0]), "starters");
        return new Run<>(strategy, Kind.ASYNC, copy, options, failFast);
    }

    /** {@code tasks}, a plain Object[] (so it can hold slots too), once it is known to hold no null. */
    private static Object[] withoutNulls(Object[] tasks, String name) {
        for (int i = 0; i < tasks.length; i++) {
            if (tasks[i] == null) {
                throw new NullPointerException(name + "[" + i + "] is null");
            }
        }
        return tasks;
    }

    /** The slot at {@code index}, made now if it does not exist yet; every caller gets the same one. */
    @SuppressWarnings("unchecked")
    private Slot<T> slot(int index) {
        Object held = ELEMENT.getVolatile(slots, index);
        if (held instanceof Slot<?> existing) {
            return (Slot<T>) existing;
        }
        Slot<T> made = kind == Kind.ASYNC
                ? new AsyncSlot<>(index, Task.nameOf(held), this,
                        (Callable<? extends CompletableFuture<? extends T>>) held)
                : new CallableSlot<>(index, Task.nameOf(held), this, (Callable<? extends T>) held);
        Object witness = ELEMENT.compareAndExchange(slots, index, held, made);
        return witness == held ? made : (Slot<T>) witness; // another thread made it first: use theirs
    }

    /** Nanoseconds since the run was created, on the monotonic clock. */
    long clock() {
        return System.nanoTime() - origin;
    }

    int size() {
        return slots.length;
    }

    Duration timeout() {
        return timeout;
    }

    /** Arms the deadline and starts the tasks; a large input is started from a background thread. */
    void start() {
        if (timeout != null && slots.length > 0) {
            // orTimeout's timer is cancelled when the future completes, so a finished run leaves no timer behind.
            deadline.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                    .whenComplete((ignored, error) -> {
                        if (error != null) {
                            cancelAll(timedOut);
                        }
                    });
        }
        if (kind == Kind.FUTURES) {
            for (Object slot : slots) {
                ((FutureSlot<?>) slot).observe();
            }
            return;
        }
        int initial = Math.min(slots.length, maxConcurrency);
        nextLaunch.set(initial);
        int inline = Math.min(initial, INLINE_LAUNCHES);
        for (int i = 0; i < inline && !stopping; i++) {
            launch(i);
        }
        if (inline < initial) {
            // The consumer can take the first results while the remaining tasks are still being started. A platform
            // thread, so that starting a large input does not hold one of the few carriers the started virtual
            // threads need to run and finish (there are as many carriers as cores).
            startThread(Thread.ofPlatform().daemon(), "arrivals-" + info.id() + "-launcher", () -> {
                for (int i = inline; i < initial && !stopping; i++) {
                    launch(i);
                }
            });
        }
    }

    private boolean launch(int index) {
        Slot<T> next = slot(index);
        if (next.isSettled()) {
            return false;
        }
        if (next instanceof AsyncSlot<T> async) {
            async.start(); // asynchronous work needs no thread: the launching thread just starts it
            return true;
        }
        CallableSlot<T> slot = (CallableSlot<T>) next;
        if (executor == null) {
            startThread(Thread.ofVirtual(), "arrivals-" + info.id() + "-task-" + index, slot);
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

    private void startThread(Thread.Builder builder, String name, Runnable body) {
        Thread thread = builder.name(name).unstarted(() -> {
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
                if (i >= slots.length || launch(i)) {
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
        for (int i = 0; i < slots.length; i++) {
            Slot<T> slot = slot(i); // a task never launched gets its slot now, to be delivered as cancelled
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
        return taken == slots.length;
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
            progress.update(taken, slots.length);
        }
        return completion;
    }

    /** The first task to fail, by the time it failed, or null. */
    Slot<T> firstFailure() {
        return firstFailure.get();
    }

    Outcome<T> outcomeAt(int index) {
        return slot(index).outcome();
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
        for (Object held : slots) {
            if (held instanceof Slot<?> slot && slot.isRunning()) {
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
