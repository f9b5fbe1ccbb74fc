package arrivals;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * A slot whose work is asynchronous and started by the run: calling the starter begins the work (arms a timer,
 * sends a request) and returns the future that completes when it is done. No thread of ours waits on it, as
 * with {@link FutureSlot}; unlike there, the run decides when the work starts, so a large input can be started
 * in the background while the first results are consumed, and a concurrency limit can hold starts back.
 */
final class AsyncSlot<T> extends Slot<T> {
    private final Callable<? extends CompletableFuture<? extends T>> starter;
    private volatile CompletableFuture<? extends T> future;
    private volatile boolean started;

    AsyncSlot(int index, String name, Run<T> run, Callable<? extends CompletableFuture<? extends T>> starter) {
        super(index, name, run);
        this.starter = starter;
    }

    /** Calls the starter and observes its future; does nothing if the slot was cancelled before its turn. */
    void start() {
        if (isSettled()) {
            return;
        }
        started = true;
        if (isSettled()) {
            return; // cancelled just now: don't begin work whose result nobody will receive
        }
        startedNanos = run.clock();
        CompletableFuture<? extends T> f;
        try {
            f = starter.call();
        } catch (Throwable e) { // as for callables: one broken starter must not lose the run
            settle(new Outcome.Failure<>(e));
            return;
        }
        if (f == null) {
            settle(new Outcome.Failure<>(new NullPointerException(
                    Completion.label(index, name) + ": the starter returned null instead of a future")));
            return;
        }
        future = f;
        f.whenComplete((value, error) ->
                settle(error == null ? new Outcome.Success<>(value) : FutureSlot.outcomeOf(error)));
        // A cancel that ran while the starter was running saw no future to cancel; it is ours to cancel now.
        if (isSettled() && !f.isDone()) {
            f.cancel(true);
        }
    }

    @Override
    void stop() {
        CompletableFuture<? extends T> f = future;
        if (f != null) {
            f.cancel(true);
        }
    }

    @Override
    boolean isRunning() {
        return false;
    }

    @Override
    boolean wasLaunched() {
        return started;
    }
}
