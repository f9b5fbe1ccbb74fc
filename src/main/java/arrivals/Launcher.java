package arrivals;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts a run's work: the first tasks from the caller's thread, the rest of a large or bounded input from a
 * launcher thread (helped, without a limit, by the caller's thread whenever it waits for a result), and the
 * deadline on a timer thread. The two are separate because a launch may block (a direct
 * executor runs the task inline) and the deadline must still stop it. All three are threads of the run: no user
 * code runs on a JDK-wide scheduler, and every thread is made by the caller's thread or by the launcher the
 * caller's thread made, so it inherits the caller's inheritable thread-locals, never another task's.
 */
final class Launcher<T> {
    /** Tasks started by the creating thread, so a small input needs no launcher thread at all. */
    private static final int INLINE_LAUNCHES = 256;
    /** Tasks a thread claims at a time when the launcher and the consumer share the launching. */
    private static final int BATCH = 256;

    private final Run<T> run;
    private final boolean observed; // futures that are already running: nothing to launch
    private final int maxConcurrency;
    private final Executor executor;
    private final ThreadFactory factory; // null: named virtual threads
    private final Duration timeout;
    private volatile Thread timer, launcher;
    private int nextLaunch; // written before the launcher starts, then the launcher's alone
    // Unbounded callables on our own threads: the launcher and the caller's thread claim batches from here.
    private final AtomicLong claimed = new AtomicLong(); // a long: it may run past the end of the input
    private final boolean shared;
    private Thread creator; // the thread that started the run
    // A builder is not thread-safe: this one is the caller's thread's; the launcher makes its own.
    private final Thread.Builder.OfVirtual virtual;
    private final String prefix, taskName;

    /** @throws IllegalArgumentException if {@code options} ask for what can't apply to this kind of input */
    Launcher(Run<T> run, Options options, boolean observed, boolean async) {
        if (observed && (options.maxConcurrency() != Integer.MAX_VALUE || options.executor().isPresent())) {
            throw new IllegalArgumentException(
                    "maxConcurrency and executor do not apply to futures, which are already running");
        }
        if (async && options.executor().isPresent()) {
            throw new IllegalArgumentException("executor does not apply to asynchronous tasks, which need no thread");
        }
        this.run = run;
        this.observed = observed;
        this.maxConcurrency = options.maxConcurrency();
        this.executor = options.executor().orElse(null);
        this.factory = options.threadFactory().orElse(null);
        this.timeout = options.timeout().orElse(null);
        this.prefix = "arrivals-" + run.info.id() + "-";
        this.taskName = prefix + "task";
        this.virtual = Thread.ofVirtual().name(taskName);
        this.shared = !observed && !async && executor == null && maxConcurrency == Integer.MAX_VALUE;
    }

    /**
     * Starts the run. The deadline is armed after the futures are observed, so futures that are already done never
     * time out. With {@code allHere} (nobody takes a result before every task has settled), an unbounded input is
     * launched wholly by the caller's thread, as {@code invokeAll} does: there is no first result to hurry, and no
     * launcher thread to pay for. An interrupt of the caller stops those launches; the caller then finds it set.
     */
    void start(boolean allHere) {
        int n = run.size();
        if (observed) {
            for (int i = 0; i < n; i++) {
                ((FutureSlot<T>) run.slot(i)).observe();
            }
        }
        if (timeout != null) {
            startOwnThread(this::keepDeadline, "timer");
        }
        if (observed) {
            return;
        }
        boolean unbounded = maxConcurrency == Integer.MAX_VALUE;
        boolean here = allHere && unbounded;
        int inline = here ? n : Math.min(n, Math.min(maxConcurrency, INLINE_LAUNCHES));
        Thread self = Thread.currentThread();
        creator = self;
        int i = 0;
        for (; i < inline && !run.isStopping() && !(here && self.isInterrupted()); i++) {
            if (!unbounded) {
                run.movePlace(1);
            }
            launch(i, virtual);
        }
        nextLaunch = i;
        claimed.set(i);
        if (i < n && !run.isStopping() && !here) {
            startOwnThread(this::launchRest, "launcher");
        }
    }

    boolean ownsThreads() {
        return executor == null;
    }

    /** A slot settled: a launched one frees a place for the launcher, and the last one ends the timer's wait. */
    void settled(boolean launched) {
        if (launched && maxConcurrency != Integer.MAX_VALUE) {
            run.movePlace(-1);
            wake();
        } else if (run.allSettled()) {
            wake();
        }
    }

    /** Wakes the launcher and the timer to look at the run again (parking allows spurious wake-ups anyway). */
    void wake() {
        Thread t = launcher;
        if (t != null) {
            LockSupport.unpark(t);
        }
        t = timer;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Whether {@code thread} is the run's launcher or timer (a close they call must not wait for them). */
    boolean owns(Thread thread) {
        return thread == timer || thread == launcher;
    }

    /**
     * Starts one task, unless it was settled before its turn (its place, if it took one, is then given back).
     * Whatever the executor or the JVM throws (OutOfMemoryError too) fails that task alone.
     */
    private void launch(int index, Thread.Builder.OfVirtual builder) {
        Slot<T> slot = run.slot(index);
        if (slot.isSettled()) {
            if (maxConcurrency != Integer.MAX_VALUE) {
                run.movePlace(-1);
            }
            return;
        }
        if (maxConcurrency != Integer.MAX_VALUE) { // only a limit needs to know (a volatile write per task)
            slot.launched = true;
        }
        if (slot instanceof AsyncSlot<T> a) {
            a.start(); // asynchronous work needs no thread: the launching thread just starts it
            return;
        }
        CallableSlot<T> task = (CallableSlot<T>) slot;
        try {
            if (executor != null) {
                executor.execute(task);
            } else {
                run.enter();
                try {
                    newThread(task, builder).start();
                } catch (Throwable e) {
                    run.exit();
                    throw e;
                }
            }
        } catch (Throwable e) {
            task.fail(e);
        }
    }

    /** A task's thread: from the factory, or from {@code builder}, which names it. */
    private Thread newThread(Runnable body, Thread.Builder.OfVirtual builder) {
        Thread t = factory == null ? builder.unstarted(body) : factory.newThread(body);
        if (t == null) {
            throw new RejectedExecutionException("the thread factory returned null");
        }
        return t;
    }

    /** A counted thread of the run; if it can't be started, the error is thrown to start()'s caller, which closes. */
    private void startOwnThread(Runnable body, String role) {
        run.enter();
        try {
            Thread t = newThread(body, Thread.ofVirtual().name(prefix + role));
            if (role.equals("timer")) { // known before it runs: a close it calls must not wait for itself
                timer = t;
            } else {
                launcher = t;
            }
            t.start();
        } catch (Throwable e) {
            run.exit();
            throw e; // the caller of start() closes the run, and so reports it ended to its listener
        }
    }

    /**
     * The caller's thread, waiting for a result, launches a batch itself instead of parking; returns whether it
     * did. Only the thread that started the run helps, so every task thread is still made from the caller's
     * context; an interrupted caller does not help (it is about to be told of the interrupt).
     */
    boolean launchSome() {
        Thread self = Thread.currentThread();
        // Looked at before adding: a consumer asks at every wait, and adding each time would overflow in the end.
        if (!shared || self != creator || self.isInterrupted() || run.isStopping() || claimed.get() >= run.size()) {
            return false;
        }
        long from = claimed.getAndAdd(BATCH);
        if (from >= run.size()) {
            return false;
        }
        launchBatch((int) from, virtual);
        return true;
    }

    private void launchBatch(int from, Thread.Builder.OfVirtual builder) {
        int to = (int) Math.min(run.size(), (long) from + BATCH);
        for (int i = from; i < to && !run.isStopping(); i++) {
            launch(i, builder);
        }
    }

    /**
     * The launcher's body: starts the rest of the input, as places free up under a concurrency limit. It is a
     * virtual thread: a platform launcher, a new thread for every run, made a large input cost 1.3 to 1.6 times
     * as much, most of it in allocating the task threads (a new thread starts with small allocation buffers; a
     * virtual thread allocates in its carrier's). Launching is steady CPU work that never blocks, so it yields its
     * carrier after every batch: on one or two carriers the tasks it started must get to run, or the first result
     * would wait for the last launch. Without a limit, the caller's thread shares the work ({@link #launchSome}).
     */
    private void launchRest() {
        Thread.Builder.OfVirtual builder = Thread.ofVirtual().name(taskName);
        try {
            if (shared) {
                for (long from; (from = claimed.getAndAdd(BATCH)) < run.size() && !run.isStopping(); ) {
                    launchBatch((int) from, builder);
                    Thread.yield();
                }
                return;
            }
            for (int i = nextLaunch; i < run.size() && !run.isStopping(); i++) {
                while (maxConcurrency != Integer.MAX_VALUE && !run.tryTakePlace(maxConcurrency)) {
                    if (run.isStopping()) {
                        return;
                    }
                    LockSupport.park(this); // until a launched task settles, or the run stops
                }
                launch(i, builder);
                if ((i & (BATCH - 1)) == 0) {
                    Thread.yield();
                }
            }
        } finally {
            run.exit();
        }
    }

    /** The timer's body: cancels what is left at the deadline, unless every task settled or the run stopped. */
    private void keepDeadline() {
        try {
            long nanos = nanos(timeout);
            while (!run.isStopping() && !run.allSettled()) {
                long left = nanos - run.clock(); // the deadline counts from the run's origin
                if (left <= 0) {
                    run.cancelAll(Slot.TIMED_OUT);
                    break;
                }
                LockSupport.parkNanos(this, left); // until the deadline, the last settle, or the run stops
            }
        } finally {
            run.exit();
        }
    }

    /** {@code d} in nanoseconds, capped at Long.MAX_VALUE (Duration.toNanos throws beyond 292 years). */
    static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
