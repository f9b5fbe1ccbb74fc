package arrivals;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One input position of a run. Its outcome is settled exactly once, by whoever gets there first: the task
 * itself, or a cancellation (fail-fast, deadline, close). Settling hands the slot to the run's arrival queue,
 * which is what makes each task delivered exactly once.
 */
abstract class Slot<T> {
    private static final VarHandle OUTCOME;

    static {
        try {
            OUTCOME = MethodHandles.lookup().findVarHandle(Slot.class, "outcome", Outcome.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int index;
    final String name;
    final Run<T> run;
    private volatile Outcome<T> outcome;
    /** Nanoseconds from the run's origin; -1 until the task starts. */
    volatile long startedNanos = -1;
    /** Written before the slot is queued, so the consumer (which takes it from the queue) sees it. */
    long finishedNanos;

    Slot(int index, String name, Run<T> run) {
        this.index = index;
        this.name = name;
        this.run = run;
    }

    /** Records {@code result} if nothing was recorded yet; returns whether this call won. */
    final boolean settle(Outcome<T> result) {
        if (!OUTCOME.compareAndSet(this, null, result)) {
            return false;
        }
        run.onSettled(this); // stamps finishedNanos as it queues the slot
        return true;
    }

    final boolean isSettled() {
        return outcome != null;
    }

    final Outcome<T> outcome() {
        return outcome;
    }

    /** Stops the work behind a slot that a cancellation has just settled. */
    abstract void stop();

    /** Whether a thread is still inside this slot's task (only callables have one). */
    abstract boolean isRunning();

    /**
     * Whether the task had been started when it settled, so that settling frees a place under
     * {@link Options#maxConcurrency}. A callable settles from inside its own run, while it still counts as
     * running; a task cancelled before its turn never took a place.
     */
    boolean wasLaunched() {
        return isRunning();
    }
}
