package arrivals.bench;

import java.util.Arrays;

/**
 * The timeline of one benchmark run: when each task began waiting and when the consumer received its result,
 * measured from the moment the run started building its tasks.
 *
 * <pre>{@code
 * Recorder seen = new Recorder(delays.length, budgetNanos);
 * seen.start();
 * ...                             // each task calls seen.began(i) just before it starts waiting
 * seen.got(index);                // the consumer, as it receives each result
 * seen.finish();                  // after the implementation has released everything
 * }</pre>
 *
 * <p>A task's due time is when it began waiting plus its delay, so the delivery lag measures only what
 * happened after the wait ended (the timer's overshoot, the wake-up, the handoff to the consumer); the cost of
 * starting tasks late shows in the overhead and the time to the first result instead. {@code began} may be
 * called from any thread, each index by one; the other methods by the consuming thread. The consumer reads
 * the start times only after every result has reached it through a queue or future, which orders those writes
 * before its reads.
 */
final class Recorder {
    private final long[] began;
    private final long[] received;
    private final long budgetNanos;
    private long origin;
    private int count;
    private long first = -1;
    private long end = -1;
    private boolean stopped;

    /** For {@code n} tasks; {@code budgetNanos} bounds implementations that may never finish (0: no bound). */
    Recorder(int n, long budgetNanos) {
        this.began = new long[n];
        this.received = new long[n];
        this.budgetNanos = budgetNanos;
        Arrays.fill(received, -1);
    }

    void start() {
        origin = System.nanoTime();
    }

    long elapsed() {
        return System.nanoTime() - origin;
    }

    /** Task {@code index} is about to start waiting. */
    void began(int index) {
        began[index] = System.nanoTime() - origin;
    }

    /** The result of task {@code index} was just received. */
    void got(int index) {
        long now = elapsed();
        received[index] = now;
        if (count++ == 0) {
            first = now;
        }
    }

    /** Every task's result was received at once (gather). */
    void gotAll() {
        long now = elapsed();
        Arrays.fill(received, now);
        count = received.length;
        first = received.length == 0 ? -1 : now;
    }

    /** Whether the run has used up its budget; once true, the caller stops and the run is marked stopped. */
    boolean overBudget() {
        if (budgetNanos > 0 && elapsed() > budgetNanos) {
            stopped = true;
        }
        return stopped;
    }

    void finish() {
        end = elapsed();
    }

    /**
     * The delivery lag of every received result: when it was received minus when its task was due (when it
     * began waiting plus its delay).
     */
    long[] lags(long[] delays) {
        long[] lags = new long[count];
        int k = 0;
        for (int i = 0; i < received.length; i++) {
            if (received[i] >= 0) {
                lags[k++] = received[i] - (began[i] + delays[i]);
            }
        }
        return lags;
    }

    int count() {
        return count;
    }

    long first() {
        return first;
    }

    long end() {
        return end;
    }

    boolean stopped() {
        return stopped;
    }
}
