package arrivals;

import java.time.Duration;
import java.util.List;

/**
 * The overall timeout of a run expired before some tasks finished. Those tasks were cancelled, and
 * {@link #unfinished()} lists their input positions.
 *
 * <pre>{@code
 * try {
 *     Gather.all(tasks, Options.defaults().timeout(Duration.ofSeconds(2)));
 * } catch (DeadlineExceededException e) {
 *     System.out.println(e.unfinished().size() + " tasks were cut off after " + e.timeout());
 * }
 * }</pre>
 */
public final class DeadlineExceededException extends RuntimeException {
    private final Duration timeout;
    private final List<Integer> unfinished;

    DeadlineExceededException(Duration timeout, List<Integer> unfinished) {
        super(describe(timeout, unfinished));
        this.timeout = timeout;
        this.unfinished = List.copyOf(unfinished);
    }

    /** The timeout that expired. */
    public Duration timeout() {
        return timeout;
    }

    /** Input positions of the tasks that had not finished, in ascending order. */
    public List<Integer> unfinished() {
        return unfinished;
    }

    private static String describe(Duration timeout, List<Integer> unfinished) {
        String which = unfinished.size() <= 10
                ? unfinished.toString()
                : unfinished.subList(0, 10).toString().replace("]", ", ...]");
        return "timeout of " + timeout.toMillis() + " ms expired with " + unfinished.size()
                + " task(s) unfinished " + which;
    }
}
