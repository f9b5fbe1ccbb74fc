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
    private volatile Outcome<T> cancelReason;

    FutureSlot(int index, String name, Run<T> run, CompletableFuture<? extends T> future) {
        super(index, name, run);
        this.future = future;
    }

    void observe() {
        startedNanos = 0; // already running when handed to us; the run's origin is the best start we know
        future.whenComplete((value, error) -> {
            Outcome<T> reason = cancelReason;
            settle(error == null ? new Outcome.Success<>(value)
                    : reason != null && error instanceof CancellationException ? reason : outcomeOf(error));
        });
    }

    private static <T> Outcome<T> outcomeOf(Throwable error) {
        Throwable cause = error;
        // CompletableFuture wraps failures of dependent stages; report what the task itself threw.
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof CancellationException ? new Outcome.Cancelled<>() : new Outcome.Failure<>(cause);
    }

    /**
     * Cancels the future before the slot is queued, so whoever receives this completion can rely on the future
     * being cancelled already; the completion callback then settles with {@code reason}.
     */
    @Override
    void cancel(Outcome<T> reason) {
        if (isSettled()) {
            return;
        }
        cancelReason = reason;
        future.cancel(true);
        settle(reason); // in case the future had completed on its own, or the callback was not yet attached
    }

    @Override
    boolean isRunning() {
        return false;
    }
}
