package arrivals;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * A slot whose work is a future: already running when handed to {@code ofFutures}, or returned by a starter of
 * {@code ofAsync} ({@link AsyncSlot}). No thread of ours waits on it: a completion callback settles the slot,
 * which is what keeps a million pending tasks cheap.
 *
 * <p>A future counts as cancelled only if its own {@code isCancelled()} says so. A future that failed because
 * a stage it depends on was cancelled is a failure with that {@code CancellationException}, as a callable that
 * throws one is.
 */
class FutureSlot<T> extends Slot<T> implements BiConsumer<Object, Throwable> {
    volatile CompletableFuture<? extends T> future;

    FutureSlot(int index, String name, Run<T> run, CompletableFuture<? extends T> future) {
        super(index, name, run);
        this.future = future;
        if (future != null) {
            startedNanos = 0; // running when handed over, even if the run cancels it before observing it
        }
    }

    /** Starts watching a future that is already running (its start, set when made, is the run's origin). */
    void observe() {
        CompletableFuture<? extends T> f = future;
        if (f != null) { // null: settled already, by a fail-fast cancel that found it done
            f.whenComplete(this);
        }
    }

    /** The completion callback: settles the slot as the future ended. */
    @Override
    @SuppressWarnings("unchecked")
    public void accept(Object value, Throwable error) {
        CompletableFuture<? extends T> f = future;
        if (f == null) {
            return; // settled already: the callback and a cancel of a done future can both get here
        }
        if (error == null) {
            succeed((T) value);
        } else if (f.isCancelled()) {
            settle(CANCELLED, null, false); // cancelled by someone else: for fail-fast, a failure
        } else {
            fail(error);
        }
        // Settled: a done future needs no stop, and keeping it would keep its value alive after delivery
        // (for ofAsync the run is the only holder).
        future = null;
    }

    /**
     * A future that is already done is reported as it ended, not as cancelled: cancelling it would change
     * nothing, and {@code join()} would still give its value.
     */
    @Override
    boolean cancel(int reason) {
        CompletableFuture<? extends T> f = future;
        if (f != null && f.isDone()) {
            try {
                accept(f.getNow(null), null);
            } catch (Throwable e) {
                accept(null, e);
            }
            return false;
        }
        return super.cancel(reason);
    }

    @Override
    void stop() {
        CompletableFuture<? extends T> f = future;
        if (f != null) {
            f.cancel(true);
        }
    }
}
