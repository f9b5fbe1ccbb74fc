package arrivals;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * A slot whose work is asynchronous and started by the run: calling the starter begins the work (arms a timer,
 * sends a request) and returns the future that completes when it is done. Unlike a future handed to
 * {@code ofFutures}, the run decides when the work starts, so a concurrency limit can hold starts back.
 */
final class AsyncSlot<T> extends FutureSlot<T> {
    private Callable<? extends CompletableFuture<? extends T>> starter;

    AsyncSlot(int index, String name, Run<T> run, Callable<? extends CompletableFuture<? extends T>> starter) {
        super(index, name, run, null);
        this.starter = starter;
    }

    /** Calls the starter and observes its future; does nothing if the slot was cancelled before its turn. */
    void start() {
        Callable<? extends CompletableFuture<? extends T>> s = starter;
        starter = null;
        if (!begin()) {
            return; // cancelled before its turn: don't begin work whose result nobody will receive
        }
        CompletableFuture<? extends T> f;
        try {
            f = s.call();
        } catch (Throwable e) { // as for callables: one broken starter must not lose the run
            fail(e);
            return;
        }
        if (f == null) {
            fail(new NullPointerException(
                    Completion.label(index, name) + ": the starter returned null instead of a future"));
            return;
        }
        future = f;
        f.whenComplete(this);
        // A cancel while the starter ran saw no future to stop; it is ours to stop now.
        if (stoppedByRunNow()) {
            f.cancel(true);
        }
    }

    private boolean stoppedByRunNow() {
        int s = state();
        return s == CANCELLED || s == TIMED_OUT;
    }
}
