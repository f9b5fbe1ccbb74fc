package arrivals;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The machinery shared by {@link Gather} and {@link AsCompleted}. Slots settle into one queue (O(1) each); one
 * lock and one condition guard the queue, the counts and the run's state. Threads of the run (tasks on threads
 * it starts, a launcher for a large or bounded input, a timer for the deadline) are counted, and {@link #close}
 * waits for that count to fall to zero, as {@code ThreadPerTaskExecutor.close()} does; no thread joins another.
 * Every thread of the run is made by the caller's thread or by the launcher the caller's thread made, so it
 * inherits the caller's context, never another task's; no user code runs on a JDK-wide scheduler.
 */
final class Run<T> {
    private static final AtomicLong IDS = new AtomicLong();
    /** Tasks started by the creating thread before the launcher starts the rest of a large input. */
    private static final int INLINE_LAUNCHES = 256;
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle BUSY;

    static {
        try {
            BUSY = MethodHandles.lookup().findVarHandle(Run.class, "busy", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final RunInfo info;
    private final long origin = System.nanoTime();
    /** Position i holds the caller's task until its slot is made (at launch, or when cancelled), then the slot. */
    private final Object[] slots;
    private final boolean async;
    private final boolean observed; // futures that are already running: nothing to launch
    private final boolean failFast;
    private final int maxConcurrency;
    private final Executor executor;
    private final ThreadFactory factory; // null: a named virtual thread per task
    private final Duration timeout;
    private final Duration stopGrace;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Slot<T> head, tail; // the queue of settled slots, through Slot.next
    private int settledCount, active, nextLaunch;
    private boolean consumerWaiting, launcherWaiting, timerWaiting, closeDone;
    private Slot<T> firstFailure;
    private volatile Thread timer, launcher;
    private Thread closer;
    private volatile int busy; // threads of ours that are alive, plus executor threads inside a task
    private volatile boolean stopping, closing;
    private volatile List<Integer> stillRunning = List.of();
    private int taken; // consumer thread only

    private Run(String strategy, Object[] tasks, Options options, boolean failFast, boolean async,
                boolean observed) {
        this.info = new RunInfo(IDS.incrementAndGet(), strategy, tasks.length, Instant.now());
        this.slots = tasks;
        this.async = async;
        this.observed = observed;
        this.failFast = failFast;
        this.maxConcurrency = options.maxConcurrency();
        this.executor = options.executor().orElse(null);
        this.factory = options.threadFactory().orElse(null);
        this.timeout = options.timeout().orElse(null);
        this.stopGrace = options.stopGrace();
    }

    static <T> Run<T> ofCallables(String strategy, List<? extends Callable<? extends T>> tasks, Options options,
                                  boolean failFast) {
        Objects.requireNonNull(options, "options");
        return new Run<>(strategy, copy(tasks, "tasks"), options, failFast, false, false);
    }

    @SuppressWarnings("unchecked")
    static <T> Run<T> ofFutures(String strategy, Collection<? extends CompletableFuture<? extends T>> futures,
                                Options options, boolean failFast) {
        Objects.requireNonNull(options, "options");
        if (options.maxConcurrency() != Integer.MAX_VALUE || options.executor().isPresent()) {
            throw new IllegalArgumentException(
                    "maxConcurrency and executor do not apply to futures, which are already running");
        }
        Object[] copy = copy(futures, "futures");
        Run<T> run = new Run<>(strategy, copy, options, failFast, false, true);
        for (int i = 0; i < copy.length; i++) {
            copy[i] = new FutureSlot<>(i, null, run, (CompletableFuture<? extends T>) copy[i]);
        }
        return run;
    }

    static <T> Run<T> ofAsync(String strategy, List<? extends Callable<? extends CompletableFuture<? extends T>>>
            starters, Options options, boolean failFast) {
        Objects.requireNonNull(options, "options");
        if (options.executor().isPresent()) {
            throw new IllegalArgumentException("executor does not apply to asynchronous tasks, which need no thread");
        }
        return new Run<>(strategy, copy(starters, "starters"), options, failFast, true, false);
    }

    /** A copy (later changes to the caller's collection can't race with launches) known to hold no null. */
    private static Object[] copy(Collection<?> tasks, String name) {
        Object[] copy = Objects.requireNonNull(tasks, name).toArray(new Object[0]);
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                throw new NullPointerException(name + "[" + i + "] is null");
            }
        }
        return copy;
    }

    /** The slot at {@code index}, made now if it does not exist yet; every caller gets the same one. */
    @SuppressWarnings("unchecked")
    private Slot<T> slot(int index) {
        Object held = ELEMENT.getVolatile(slots, index);
        if (held instanceof Slot<?> existing) {
            return (Slot<T>) existing;
        }
        Slot<T> made = async
                ? new AsyncSlot<>(index, Task.nameOf(held), this, (Callable<CompletableFuture<T>>) held)
                : new CallableSlot<>(index, Task.nameOf(held), this, (Callable<? extends T>) held);
        Object witness = ELEMENT.compareAndExchange(slots, index, held, made);
        return witness == held ? made : (Slot<T>) witness; // another thread made it first: use theirs
    }

    long clock() {
        return System.nanoTime() - origin;
    }

    int size() {
        return slots.length;
    }

    Duration timeout() {
        return timeout;
    }

    boolean ownsThreads() {
        return executor == null;
    }

    /**
     * Observes the futures, or starts the first tasks; a launcher thread starts the rest of a large or bounded
     * input, and a timer thread keeps the deadline. They are separate because a launch may block (a direct
     * executor runs the task inline), and the deadline must still stop it. The deadline is armed after the
     * futures are observed, so futures that are already done are never timed out.
     */
    void start() {
        int n = slots.length;
        if (observed) {
            for (Object slot : slots) {
                ((FutureSlot<?>) slot).observe();
            }
        }
        lock.lock();
        boolean timed = timeout != null && settledCount < n && !stopping;
        lock.unlock();
        if (timed) {
            startOwnThread(this::keepDeadline, "timer", false);
        }
        if (observed) {
            return; // futures are running already: nothing to launch
        }
        int inline = Math.min(n, Math.min(maxConcurrency, INLINE_LAUNCHES));
        for (int i = 0; i < inline && !stopping; i++) {
            if (maxConcurrency == Integer.MAX_VALUE) {
                launch(i);
            } else {
                reserveAndLaunch(i);
            }
        }
        nextLaunch = inline;
        if (inline < n && !stopping) {
            startOwnThread(this::launchRest, "launcher", maxConcurrency == Integer.MAX_VALUE);
        }
    }

    /** Launches {@code index} under the concurrency limit, whose place it holds from now until it settles. */
    private void reserveAndLaunch(int index) {
        lock.lock();
        active++;
        lock.unlock();
        if (!launch(index)) {
            lock.lock();
            active--;
            lock.unlock();
        }
    }

    /** Starts one task; false if it was settled before its turn. An executor or thread that fails fails the task. */
    private boolean launch(int index) {
        Slot<T> slot = slot(index);
        if (slot.isSettled()) {
            return false;
        }
        slot.launched = true;
        if (slot instanceof AsyncSlot<T> a) {
            a.start(); // asynchronous work needs no thread: the launching thread just starts it
            return true;
        }
        CallableSlot<T> task = (CallableSlot<T>) slot;
        try {
            if (executor != null) {
                executor.execute(task);
            } else {
                enter();
                try {
                    newThread(task, "task-" + index).start();
                } catch (Throwable e) {
                    exit();
                    throw e;
                }
            }
        } catch (Throwable e) { // whatever the executor or the JVM throws (OutOfMemoryError too) fails one task
            task.fail(e);
        }
        return true;
    }

    private Thread newThread(Runnable body, String role) {
        Thread t = factory == null
                ? Thread.ofVirtual().name("arrivals-" + info.id() + "-" + role).unstarted(body)
                : factory.newThread(body);
        if (t == null) {
            throw new RejectedExecutionException("the thread factory returned null");
        }
        return t;
    }

    /** A counted thread of the run; if it can't be started, what did start is closed and the error thrown. */
    private void startOwnThread(Runnable body, String role, boolean busyLaunching) {
        enter();
        try {
            // Launching a large input is steady CPU work: a platform thread, so it holds none of the few carriers
            // the started virtual threads need to finish. Waiting for a place or the deadline needs no carrier.
            Thread t = factory == null && busyLaunching
                    ? Thread.ofPlatform().daemon().name("arrivals-" + info.id() + "-" + role).unstarted(body)
                    : newThread(body, role);
            if (role.equals("timer")) { // known before it runs: a close it calls must not wait for itself
                timer = t;
            } else {
                launcher = t;
            }
            t.start();
        } catch (Throwable e) {
            exit();
            close();
            throw e;
        }
    }

    /** The launcher's body: starts the rest of the input, as places free up under a concurrency limit. */
    private void launchRest() {
        int n = slots.length;
        try {
            if (maxConcurrency == Integer.MAX_VALUE) {
                for (int i = nextLaunch; i < n && !stopping; i++) { // no place to wait for, so no lock
                    launch(i);
                }
                return;
            }
            lock.lock();
            try {
                while (!stopping && nextLaunch < n) {
                    if (active < maxConcurrency) {
                        int i = nextLaunch++;
                        lock.unlock();
                        try {
                            reserveAndLaunch(i);
                        } finally {
                            lock.lock();
                        }
                    } else {
                        launcherWaiting = true;
                        try {
                            changed.awaitUninterruptibly();
                        } finally {
                            launcherWaiting = false;
                        }
                    }
                }
            } finally {
                lock.unlock();
            }
        } finally {
            exit();
        }
    }

    /** The timer's body: waits for the deadline, or for every task to settle, or for the run to stop. */
    private void keepDeadline() {
        long deadline = origin + Math.min(nanos(timeout), Long.MAX_VALUE / 2);
        boolean expired = false;
        lock.lock();
        try {
            while (!stopping && settledCount < slots.length) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    expired = true;
                    break;
                }
                timerWaiting = true;
                try {
                    changed.awaitNanos(left);
                } catch (InterruptedException ignored) {
                    // not ours to act on: the run stops its timer through its own state
                } finally {
                    timerWaiting = false;
                }
            }
        } finally {
            lock.unlock();
        }
        try {
            if (expired) {
                cancelAll(Slot.TIMED_OUT);
            }
        } finally {
            exit();
        }
    }

    void enter() {
        BUSY.getAndAdd(this, 1);
    }

    void exit() {
        BUSY.getAndAdd(this, -1);
        if (closing) { // only a close waits for the count
            lock.lock();
            changed.signalAll();
            lock.unlock();
        }
    }

    /** Called once per slot, by whichever thread settled it: stamps and queues it as one step. */
    void settled(Slot<T> slot) {
        boolean stop = false;
        lock.lock();
        try {
            slot.finishedNanos = clock();
            if (tail == null) {
                head = slot;
            } else {
                tail.next = slot;
            }
            tail = slot;
            settledCount++;
            if (slot.launched) {
                active--;
            }
            if (!slot.stoppedByRun && slot.state() != Slot.SUCCESS && firstFailure == null) {
                firstFailure = slot;
                stop = failFast;
            }
            if (consumerWaiting || (launcherWaiting && slot.launched) || (timerWaiting && settledCount == slots.length)) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (stop) {
            cancelAll(Slot.CANCELLED);
        }
    }

    /**
     * Settles every open slot first, then stops the work of every slot the run settled: cancelling one future can
     * complete another (a dependent stage), which must still be reported with this reason. Stopping is
     * idempotent, so a close that follows a fail-fast makes sure the work it settled is stopped too.
     */
    private void cancelAll(int reason) {
        stopping = true;
        lock.lock();
        if (launcherWaiting || timerWaiting) {
            changed.signalAll();
        }
        lock.unlock();
        for (int i = 0; i < slots.length; i++) {
            slot(i).cancel(reason);
        }
        for (Object held : slots) {
            if (held instanceof Slot<?> s && s.stoppedByRun && s.state() >= Slot.CANCELLED) {
                s.stop();
            }
        }
    }

    boolean exhausted() {
        return taken == slots.length;
    }

    /** Waits for the next settled slot and hands it over as a completion, letting go of its value. */
    Completion<T> take() throws InterruptedException {
        Slot<T> slot;
        lock.lock();
        try {
            while ((slot = head) == null) {
                consumerWaiting = true;
                try {
                    changed.await();
                } finally {
                    consumerWaiting = false;
                }
            }
            head = slot.next;
            if (head == null) {
                tail = null;
            }
            slot.next = null;
        } finally {
            lock.unlock();
        }
        return new Completion<>(slot.index, slot.name, taken++, slot.takeOutcome(), slot.startedNanos,
                slot.finishedNanos, clock(), timeout);
    }

    /** The earliest task to fail, or null; and the exceptions of the others, in the order they failed. */
    Slot<T> firstFailure() {
        lock.lock();
        try {
            return firstFailure;
        } finally {
            lock.unlock();
        }
    }

    List<Throwable> lateFailures() {
        List<Throwable> late = new ArrayList<>();
        for (Object held : slots) {
            if (held instanceof Slot<?> s && s.lateFailure() != null) {
                late.add(s.lateFailure());
            }
        }
        return late;
    }

    /**
     * Cancels every unfinished task and waits, up to the stop grace, until no thread of the run is inside a task
     * or the launcher or timer. Returns true for the call that closed the run; a later call from outside the run waits
     * for that close to end, while one from a task (or from inside the closing cancellation) returns at once,
     * since the close waits for it. An interrupt does not cut the wait short; it is restored afterwards.
     */
    boolean close() {
        Thread self = Thread.currentThread();
        int own = 0;
        for (Object held : slots) {
            if (held instanceof Slot<?> s && s.runsOn(self)) {
                own++;
            }
        }
        boolean interrupted = false;
        lock.lock();
        try {
            own += (self == timer ? 1 : 0) + (self == launcher ? 1 : 0);
            if (closing) {
                while (!closeDone && own == 0 && self != closer) {
                    changed.awaitUninterruptibly();
                }
                return false;
            }
            closing = true;
            closer = self;
        } finally {
            lock.unlock();
        }
        cancelAll(Slot.CANCELLED);
        long end = System.nanoTime() + Math.min(nanos(stopGrace), Long.MAX_VALUE / 2);
        lock.lock();
        try {
            while (busy > own && end - System.nanoTime() > 0) {
                try {
                    changed.awaitNanos(end - System.nanoTime());
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            List<Integer> running = new ArrayList<>();
            for (Object held : slots) {
                if (held instanceof Slot<?> s && s.isRunning()) {
                    running.add(s.index);
                }
            }
            stillRunning = List.copyOf(running);
            closeDone = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (interrupted) {
            self.interrupt();
        }
        return true;
    }

    /** {@code d} in nanoseconds, capped at Long.MAX_VALUE (Duration.toNanos throws beyond 292 years). */
    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    boolean isClosed() {
        return closing;
    }

    List<Integer> stillRunning() {
        return stillRunning;
    }
}
