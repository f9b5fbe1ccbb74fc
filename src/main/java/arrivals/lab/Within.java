package arrivals.lab;

import arrivals.course.Check;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an exercise's answer with a time limit, so that a check cell says what is wrong instead of waiting
 * forever: an answer that forgets its deadline would otherwise hang on a request that never answers.
 *
 * <pre>{@code
 * Map<String, Set<Integer>> groups = Within.limit(Duration.ofSeconds(5), "sortByOutcome kept its 1 s deadline",
 *         () -> sortByOutcome(server, 10, Duration.ofSeconds(1)));
 * }</pre>
 *
 * The answer runs on a virtual thread. Whatever it throws reaches the caller unwrapped (a {@code Check.Failed}
 * from {@code throw Check.todo()} stays the one "✗ not done yet" line); if it is still running when the limit
 * passes, it is interrupted and the call fails as a check does: "✗ what: still running after 5.0 s".
 */
public final class Within {
    private Within() {
    }

    /**
     * Returns what {@code answer} returns, if it returns within {@code limit}.
     *
     * @param what the check's claim, printed in the ✗ line when the limit passes
     * @throws Exception whatever {@code answer} throws, unwrapped
     */
    public static <T> T limit(Duration limit, String what, Callable<T> answer) throws Exception {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(answer, "answer");
        FutureTask<T> task = new FutureTask<>(answer);
        Thread.ofVirtual().name("exercise answer").start(task);
        try {
            return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true); // an answer stuck on a request nobody will read must not keep running
            Check.that(what, false, "still running after " + limit.toMillis() / 1000.0 + " s");
            throw new AssertionError("unreachable: the check above always fails");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw (Exception) cause;
        }
    }
}
