package arrivals;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

/**
 * A slot whose work is a blocking callable run on some thread, built like {@code FutureTask}: the thread that
 * runs it first claims it with one state transition and only then records itself as the runner, so an executor
 * that runs the task twice can't make a cancel interrupt the wrong thread. Cancelling interrupts the runner only
 * while it is still inside this task: a pooled thread that has moved on must never receive our interrupt.
 */
final class CallableSlot<T> extends Slot<T> implements Runnable {
    private static final int NEW = 0, RUNNING = 1, INTERRUPTED = 2, DONE = 3;
    private static final VarHandle RUN_STATE;

    static {
        try {
            RUN_STATE = MethodHandles.lookup().findVarHandle(CallableSlot.class, "runState", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Callable<? extends T> work; // dropped once run, as FutureTask drops its callable
    private volatile int runState = NEW;
    private volatile Thread runner;
    private volatile Throwable late;

    CallableSlot(int index, String name, Run<T> run, Callable<? extends T> work) {
        super(index, name, run);
        this.work = work;
    }

    /**
     * Runs the task. On a thread the run started, the run counted that thread when it started it, and this is
     * the thread's whole body; on an executor's thread, only a claimed run counts, for as long as it is inside.
     */
    @Override
    public void run() {
        if (run.ownsThreads()) {
            try {
                if (RUN_STATE.compareAndSet(this, NEW, RUNNING)) {
                    runClaimed();
                }
            } finally {
                run.exit();
            }
        } else if (RUN_STATE.compareAndSet(this, NEW, RUNNING)) { // else run twice, or cancelled before it began
            run.enter();
            try {
                runClaimed();
            } finally {
                run.exit();
            }
        }
    }

    private void runClaimed() {
        runner = Thread.currentThread();
        try {
            // Written before the outcome is read, as cancel writes the outcome before reading the runner: either
            // begin() sees the cancellation, or stop() sees this runner and interrupts it.
            if (begin()) {
                execute();
            }
        } finally {
            if (!RUN_STATE.compareAndSet(this, RUNNING, DONE)) {
                // A stop() interrupts under this lock, so holding it means the interrupt has landed. Blocking here,
                // not spinning or yielding as FutureTask does: on 2 carriers, yielding virtual threads can starve
                // the very thread they wait for (seen as a livelock).
                synchronized (this) {
                    Thread.interrupted(); // that interrupt was for this task, not for the thread's next job
                    runState = DONE;
                }
            }
            runner = null;
            work = null;
        }
    }

    private void execute() {
        try {
            T value = work.call();
            succeed(value);
        } catch (Throwable e) { // Errors too: a StackOverflowError in one task must not lose the run
            if (!fail(e) && !(e instanceof InterruptedException) && !(e instanceof CancellationException)) {
                late = e; // it failed on its own while being cancelled: gather reports it as suppressed
            }
        }
    }

    @Override
    boolean cancel(int reason) {
        if (RUN_STATE.compareAndSet(this, NEW, DONE)) {
            work = null; // never started, and now never will: let the callable go
        }
        return super.cancel(reason);
    }

    @Override
    void stop() {
        synchronized (this) {
            if (RUN_STATE.compareAndSet(this, RUNNING, INTERRUPTED)) {
                Thread t = runner;
                if (t != null) { // null: it has claimed but not yet looked at its outcome, and will see ours
                    t.interrupt();
                }
            }
        }
    }

    @Override
    boolean runsOn(Thread thread) {
        return runner == thread;
    }

    @Override
    boolean isRunning() {
        int s = runState;
        return s != NEW && s != DONE;
    }

    @Override
    Throwable lateFailure() {
        return late;
    }
}
