package arrivals;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One input position of a run. Its outcome is settled exactly once, by whoever gets there first: the task
 * itself, or the run cancelling it (fail-fast, deadline, close). Settling allocates nothing (the outcome is kept
 * as a state and a raw value), so even an {@link OutOfMemoryError} can't leave a slot unsettled; the consumer
 * builds the {@link Outcome} when it takes the slot, and then lets go of the value.
 */
abstract class Slot<T> {
    static final int PENDING = 0, STARTED = 1, SETTLING = 2, SUCCESS = 3, FAILURE = 4, CANCELLED = 5, TIMED_OUT = 6;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Slot.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int index;
    final String name;
    final Run<T> run;
    private volatile int state = PENDING;
    /** The value or the throwable; written before the final state, read after it. */
    private Object result;
    /**
     * Nanoseconds from the run's origin; -1 unless the task's work began before it was settled. Written by the
     * settling thread, from {@link #startCandidate}, so it is complete before the slot is queued.
     */
    long startedNanos = -1;
    /** The start that {@link #begin} read, written before its state transition so a settle that follows sees it. */
    private long startCandidate;
    /** Written as the slot is queued, before the push that publishes it (see {@link Arrivals}). */
    long finishedNanos;
    /** How many slots of the run had settled when this one was queued, itself included; written like it. */
    int settledSoFar;
    /** Whether the run itself settled this slot (it must then stop the work); read after the state. */
    boolean stoppedByRun;
    /** Under a concurrency limit, set before the run hands the slot over to be run; its settling frees a place. */
    volatile boolean launched;
    /** The run's queue of settled slots is a list through this field, so queueing allocates nothing. */
    Slot<T> next;

    Slot(int index, String name, Run<T> run) {
        this.index = index;
        this.name = name;
        this.run = run;
    }

    /**
     * Marks the work as begun, unless the slot is settled already. The time is read first, so a cancellation
     * that wins afterwards is stamped later: a completion never finishes before it started.
     */
    final boolean begin() {
        long now = run.stamp(false);
        // Once the run is stopping no work begins: the slot is about to be settled, and a launch racing with the
        // cancellation must not start a task while one it cancelled still holds its place.
        if (run.isStopping()) {
            return false;
        }
        startCandidate = now;
        return STATE.compareAndSet(this, PENDING, STARTED);
    }

    /**
     * Records how the task ended, if nothing was recorded yet; returns whether this call won. {@code byRun}: the
     * run itself settled it (fail-fast, deadline, close), so it must stop the work and it is not a failure.
     */
    final boolean settle(int outcome, Object value, boolean byRun) {
        int s;
        do {
            s = state;
            if (s >= SETTLING) {
                return false;
            }
        } while (!STATE.compareAndSet(this, s, SETTLING));
        if (s == STARTED) { // a cancel that wins just after the task began still reports when it began
            startedNanos = startCandidate;
        }
        result = value;
        stoppedByRun = byRun;
        state = outcome;
        run.settled(this);
        return true;
    }

    final boolean succeed(T value) {
        return settle(SUCCESS, value, false);
    }

    /** The mapping rule of {@link AsCompleted}: wrappers that carry a cause are removed (see {@link #unwrap}). */
    final boolean fail(Throwable error) {
        return settle(FAILURE, unwrap(error), false);
    }

    final boolean isSettled() {
        return state >= SETTLING;
    }

    final int state() {
        return state;
    }

    /** The failure's exception, or null; for fail-fast and gather's report. */
    final Throwable failure() {
        return state == FAILURE ? (Throwable) result : null;
    }

    /** The outcome, built once by the consumer, which then drops the value: a delivered result is not kept. */
    @SuppressWarnings("unchecked")
    final Outcome<T> takeOutcome() {
        Object value = result;
        result = null;
        return switch (state) {
            case SUCCESS -> new Outcome.Success<>((T) value);
            case FAILURE -> new Outcome.Failure<>((Throwable) value);
            case CANCELLED -> new Outcome.Cancelled<>();
            case TIMED_OUT -> new Outcome.TimedOut<>();
            default -> throw new IllegalStateException("slot " + index + " taken before it settled");
        };
    }

    /**
     * The library's one exception-mapping rule, for callables, starters and futures alike: strip
     * {@link CompletionException} and {@link ExecutionException} wrappers that carry a cause, and report what is
     * inside. Everything else, a {@code CancellationException} included, is reported as thrown.
     */
    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Settles the slot for the run ({@link #CANCELLED} or {@link #TIMED_OUT}) unless it is settled already;
     * returns whether it did. The work is stopped later, by {@link #stop()}, once every open slot is settled.
     */
    boolean cancel(int reason) {
        return settle(reason, null, true);
    }

    /** Stops the work behind a slot the run settled; must be harmless when called again. */
    abstract void stop();

    /** Whether a thread is still inside this slot's task (only callables have one). */
    boolean isRunning() {
        return false;
    }

    /** Whether {@code thread} is inside this slot's task right now. */
    boolean runsOn(Thread thread) {
        return false;
    }

    /** An exception the task threw after the run had already cancelled it, for gather's report; or null. */
    Throwable lateFailure() {
        return null;
    }
}
