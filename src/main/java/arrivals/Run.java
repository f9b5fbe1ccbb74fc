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
            deadline.orTimeout(nanos(timeout), TimeUnit.NANOSECONDS)
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
            launchOrPassOn(i);
        }
        if (inline < initial) {
            // The consumer can take the first results while the remaining tasks are still being started. A platform
            // thread, so that starting a large input does not hold one of the few carriers the started virtual
            // threads need to run and finish (there are as many carriers as cores).
            startThread(Thread.ofPlatform().daemon(), "arrivals-" + info.id() + "-launcher", () -> {
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
                if (i >= slots.length || launch(i)) {
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
        } else if (maxConcurrency != Integer.MAX_VALUE && slot.wasLaunched() && !stopping) {
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
            for (int i = 0; i < slots.length; i++) {
                Slot<T> slot = slot(i); // a task never launched gets its slot now, to be delivered as cancelled
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
        for (Object held : slots) {
            if (held instanceof Slot<?> slot && slot.isRunning()) {
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
        for (int i = 0; i < slots.length; i++) {
            // Only slots that exist can be running; looking must not make the others.
            if (ELEMENT.getVolatile(slots, i) instanceof CallableSlot<?> c && c.runsOn(thread)) {
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
