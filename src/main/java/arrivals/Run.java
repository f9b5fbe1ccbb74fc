package arrivals;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The machinery shared by {@link Gather} and {@link AsCompleted}. Slots settle into one queue ({@link Arrivals})
 * with one compare-and-set each and no lock, so tasks that end at once don't wait for each other. Threads of the
 * run (tasks on threads it starts, a launcher for a large or bounded input, a timer for the deadline) are
 * counted, and {@link #close} waits under a lock for that count to fall to zero, as
 * {@code ThreadPerTaskExecutor.close()} does; no thread joins another. Every thread of the run is made by the
 * caller's thread or by the launcher the caller's thread made, so it inherits the caller's context, never
 * another task's; no user code runs on a JDK-wide scheduler.
 */
final class Run<T> {
    private static final AtomicLong IDS = new AtomicLong();
    private static final VarHandle FIRST_FAILURE;

    static {
        try {
            FIRST_FAILURE = MethodHandles.lookup().findVarHandle(Run.class, "firstFailure", Slot.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final RunInfo info;
    private final long origin = System.nanoTime();
    private final Positions<T> slots;
    private final boolean failFast;
    private final Launcher<T> launcher;
    private final Duration timeout;
    private final Duration stopGrace;
    private final ReentrantLock lock = new ReentrantLock(); // for closing only: settling takes no lock
    private final Condition changed = lock.newCondition();
    private final Arrivals<T> arrivals = new Arrivals<>();
    private final AtomicInteger active = new AtomicInteger(); // places taken under maxConcurrency
    private volatile Slot<T> firstFailure;
    private boolean closeDone;
    private Thread closer;
    private final AtomicInteger busy = new AtomicInteger(); // our threads alive, executor threads inside a task
    private volatile boolean stopping, closing;
    private volatile List<Integer> stillRunning = List.of();
    private int taken; // consumer thread only
    private boolean unobserved; // written before any task starts

    private Run(String strategy, Positions<T> slots, Options options, boolean failFast, boolean observed) {
        Objects.requireNonNull(options, "options");
        this.info = new RunInfo(IDS.incrementAndGet(), strategy, slots.size(), Instant.now());
        this.slots = slots;
        this.failFast = failFast;
        this.launcher = new Launcher<>(this, options, observed, slots.isAsync());
        this.timeout = options.timeout().orElse(null);
        this.stopGrace = options.stopGrace();
    }

    static <T> Run<T> ofCallables(String strategy, List<? extends Callable<? extends T>> tasks, Options options,
                                  boolean failFast) {
        return new Run<>(strategy, new Positions<>(tasks, "tasks", false), options, failFast, false);
    }

    static <T> Run<T> ofFutures(String strategy, Collection<? extends CompletableFuture<? extends T>> futures,
                                Options options, boolean failFast) {
        Run<T> run = new Run<>(strategy, new Positions<>(futures, "futures", false), options, failFast, true);
        run.slots.makeAll(run);
        return run;
    }

    static <T> Run<T> ofAsync(String strategy, List<? extends Callable<? extends CompletableFuture<? extends T>>>
            starters, Options options, boolean failFast) {
        return new Run<>(strategy, new Positions<>(starters, "starters", true), options, failFast, false);
    }

    Slot<T> slot(int index) {
        return slots.slot(index, this);
    }

    long clock() {
        return System.nanoTime() - origin;
    }

    /**
     * A task's start or finish on the run's clock, or 0 when nobody will see it: a gather without a listener
     * reports no times, and a clock read costs about as much as the rest of settling a task. A failure is always
     * stamped, since gather reports the earliest one.
     */
    long stamp(boolean failed) {
        return unobserved && !failed ? 0 : clock();
    }

    int size() {
        return slots.size();
    }

    Duration timeout() {
        return timeout;
    }

    boolean ownsThreads() {
        return launcher.ownsThreads();
    }

    void start() {
        launcher.start(false);
    }

    /** Starts a run whose results nobody takes before all have settled: the caller launches every task. */
    void startAll() {
        unobserved = true;
        launcher.start(true);
    }

    /** Takes (+1) or gives back (-1) a place under the concurrency limit, without waiting. */
    void movePlace(int delta) {
        active.addAndGet(delta);
    }

    /** Takes a place under {@code limit} if one is free. */
    boolean tryTakePlace(int limit) {
        for (int a = active.get(); a < limit; a = active.get()) {
            if (active.compareAndSet(a, a + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every task has settled (the deadline then has nothing left to cut off). */
    boolean allSettled() {
        return arrivals.settled() == slots.size();
    }

    boolean isStopping() {
        return stopping;
    }

    void enter() {
        busy.incrementAndGet();
    }

    void exit() {
        busy.decrementAndGet();
        if (closing) { // only a close waits for the count
            lock.lock();
            changed.signalAll();
            lock.unlock();
        }
    }

    /**
     * Called once per slot, by whichever thread settled it: stamps and queues it as one step, without a lock, so
     * tasks that end together never wait for each other (see {@link Arrivals}).
     */
    void settled(Slot<T> slot) {
        arrivals.push(slot, this);
        boolean stop = !slot.stoppedByRun && slot.state() != Slot.SUCCESS && isFirstFailure(slot) && failFast;
        launcher.settled(slot.launched);
        if (stop) {
            cancelAll(Slot.CANCELLED);
        }
    }

    /** Keeps the failure that finished first; true for the one that found none (it is the one to fail fast). */
    private boolean isFirstFailure(Slot<T> slot) {
        Slot<T> first;
        do {
            first = firstFailure;
            if (first != null && first.finishedNanos <= slot.finishedNanos) {
                return false;
            }
        } while (!FIRST_FAILURE.compareAndSet(this, first, slot));
        return first == null;
    }

    /**
     * Settles every open slot first, then stops the work of every slot the run settled: cancelling one future can
     * complete another (a dependent stage), which must still be reported with this reason. Stopping is
     * idempotent, so a close that follows a fail-fast makes sure the work it settled is stopped too.
     */
    void cancelAll(int reason) {
        stopping = true;
        launcher.wake();
        for (int i = 0; i < slots.size(); i++) {
            slot(i).cancel(reason); // a task never launched gets its slot now, to be delivered as cancelled
        }
        slots.madeSlots(s -> s.stoppedByRun && s.state() >= Slot.CANCELLED, s -> s).forEach(Slot::stop);
    }

    boolean exhausted() {
        return taken == slots.size();
    }

    /** Waits for the next settled slot and hands it over as a completion, letting go of its value. */
    Completion<T> take() throws InterruptedException {
        Slot<T> slot = arrivals.take(launcher::launchSome); // launching beats parking while tasks are left
        return new Completion<>(slot.index, slot.name, taken++, slot.takeOutcome(), slot.startedNanos,
                slot.finishedNanos, clock(), timeout);
    }

    /** Gather's path when nobody watches arrivals: one wake-up once every task has settled, not one per task. */
    void awaitAllSettled() throws InterruptedException {
        arrivals.awaitSettled(slots.size());
    }

    /** The earliest task to fail, or null. */
    Slot<T> firstFailure() {
        return firstFailure;
    }

    /** Exceptions that tasks threw after the run had cancelled them. */
    List<Throwable> lateFailures() {
        return slots.madeSlots(s -> s.lateFailure() != null, Slot::lateFailure);
    }

    /**
     * Cancels every unfinished task and waits, up to the stop grace, until no thread of the run is inside a task
     * or the launcher or timer. Returns true for the call that closed the run; a later call from outside the run
     * waits for that close to end, while one from a task (or from inside the closing cancellation) returns at
     * once, since the close waits for it. An interrupt does not cut the wait short; it is restored afterwards.
     */
    boolean close() {
        Thread self = Thread.currentThread();
        boolean interrupted = false;
        lock.lock();
        try {
            if (closing) {
                if (!closeDone && self != closer && ownTasks(self) == 0) {
                    while (!closeDone) {
                        changed.awaitUninterruptibly();
                    }
                }
                return false;
            }
            closing = true;
            closer = self;
        } finally {
            lock.unlock();
        }
        try {
            if (stopping || arrivals.settled() < slots.size()) { // a run that settled by itself has nothing to stop
                cancelAll(Slot.CANCELLED);
            }
            int own = busy.get() > 0 ? ownTasks(self) : 0;
            long end = System.nanoTime() + Math.min(Launcher.nanos(stopGrace), Long.MAX_VALUE / 2);
            lock.lock();
            try {
                while (busy.get() > own && end - System.nanoTime() > 0) {
                    try {
                        changed.awaitNanos(end - System.nanoTime());
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                // Nothing counted means no task inside its code: only a run that is not quiet needs the scan.
                stillRunning = busy.get() == 0 ? List.of()
                        : List.copyOf(slots.madeSlots(Slot::isRunning, s -> s.index));
            } finally {
                lock.unlock();
            }
        } finally { // whatever a cancellation threw, later closes must not wait for this one forever
            lock.lock();
            closeDone = true;
            changed.signalAll();
            lock.unlock();
            if (interrupted) {
                self.interrupt();
            }
        }
        return true;
    }

    /** How many counted threads {@code self} is: tasks it runs (several on a direct executor), launcher, timer. */
    private int ownTasks(Thread self) {
        return slots.madeSlots(s -> s.runsOn(self), s -> s).size() + (launcher.owns(self) ? 1 : 0);
    }

    boolean isClosed() {
        return closing;
    }

    List<Integer> stillRunning() {
        return stillRunning;
    }
}
