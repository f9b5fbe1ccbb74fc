package arrivals;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Callable;

/**
 * A slot whose work is a blocking callable run on some thread. Cancelling interrupts that thread, but only
 * while the thread is still inside this task: a pooled thread that has moved on to other work must never
 * receive an interrupt meant for us (the same care {@code FutureTask} takes).
 */
final class CallableSlot<T> extends Slot<T> implements Runnable {
    private static final int NEW = 0, RUNNING = 1, INTERRUPTING = 2, INTERRUPTED = 3, DONE = 4;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(CallableSlot.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Callable<? extends T> work;
    private volatile int state = NEW;
    private volatile Thread runner;

    CallableSlot(int index, String name, Run<T> run, Callable<? extends T> work) {
        super(index, name, run);
        this.work = work;
    }

    @Override
    public void run() {
        if (isSettled()) {
            return; // cancelled before it started
        }
        runner = Thread.currentThread();
        if (!STATE.compareAndSet(this, NEW, RUNNING)) {
            return; // run twice by a misbehaving executor: the first run owns the slot
        }
        run.taskEntered();
        try {
            // A cancel that read NEW before we set RUNNING did not interrupt us, so look again.
            if (!isSettled()) {
                startedNanos = run.clock();
                execute();
            }
        } finally {
            if (!STATE.compareAndSet(this, RUNNING, DONE)) {
                while (state == INTERRUPTING) {
                    Thread.onSpinWait();
                }
                Thread.interrupted(); // that interrupt was for this task, not for the thread's next job
                state = DONE;
            }
            runner = null;
            run.taskExited();
        }
    }

    private void execute() {
        T value;
        try {
            value = work.call();
        } catch (Throwable e) { // Errors too: a StackOverflowError in one task must not lose the run
            settle(new Outcome.Failure<>(e));
            return;
        }
        settle(new Outcome.Success<>(value));
    }

    @Override
    void stop() {
        if (STATE.compareAndSet(this, RUNNING, INTERRUPTING)) {
            try {
                runner.interrupt();
            } finally {
                state = INTERRUPTED;
            }
        }
    }

    /** Whether {@code thread} is running this task right now. */
    boolean runsOn(Thread thread) {
        return runner == thread;
    }

    @Override
    boolean isRunning() {
        int s = state;
        return s != NEW && s != DONE;
    }
}
