package arrivals;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A slot whose work is a future that is already running (timer-driven or asynchronous I/O). No thread of ours
 * waits on it: a completion callback settles the slot, which is what keeps a million pending tasks cheap.
 */
final class FutureSlot<T> extends Slot<T> {
    private final CompletableFuture<? extends T> future;

    FutureSlot(int index, String name, Run<T> run, CompletableFuture<? extends T> future) {
        super(index, name, run);
        this.future = future;
    }

    void observe() {
        startedNanos = 0; // already running when handed to us; the run's origin is the best start we know
        future.whenComplete((value, error) ->
                settle(error == null ? new Outcome.Success<>(value) : outcomeOf(error)));
    }

    static <T> Outcome<T> outcomeOf(Throwable error) {
        Throwable cause = error;
        // CompletableFuture wraps failures of dependent stages; report what the task itself threw.
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof CancellationException ? new Outcome.Cancelled<>() : new Outcome.Failure<>(cause);
    }

    @Override
    void stop() {
        future.cancel(true);
    }

    @Override
    boolean isRunning() {
        return false;
    }
}
