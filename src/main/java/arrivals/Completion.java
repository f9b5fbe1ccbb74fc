package arrivals;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * One task's result as the consumer received it: which input it came from, when it arrived, and how it ended.
 *
 * <pre>{@code
 * try (var results = AsCompleted.of(tasks)) {
 *     for (Completion<String> done : results) {
 *         System.out.printf("#%d %s arrived %d-th after %d ms: %s%n", done.index(), done.name(),
 *                 done.arrival(), done.finished().toMillis(), done.value());
 *     }
 * }
 * }</pre>
 *
 * <p>Times are measured on a monotonic clock from the start of the run ({@link RunInfo#startedAt()}).
 * {@link #value()} returns the result or throws: a {@link TaskFailedException} carrying the task's original
 * exception, a {@link CancellationException}, or a {@link DeadlineExceededException}. Completions are immutable.
 *
 * @param <T> the result type
 */
public final class Completion<T> {
    private final int index;
    private final String name;
    private final int arrival;
    private final Outcome<T> outcome;
    private final long startedNanos;
    private final long finishedNanos;
    private final long receivedNanos;
    private final Duration timeout;

    Completion(int index, String name, int arrival, Outcome<T> outcome,
               long startedNanos, long finishedNanos, long receivedNanos, Duration timeout) {
        this.index = index;
        this.name = name;
        this.arrival = arrival;
        this.outcome = outcome;
        this.startedNanos = startedNanos;
        this.finishedNanos = finishedNanos;
        this.receivedNanos = receivedNanos;
        this.timeout = timeout;
    }

    /** The same completion as received at another position and time (gather hands everything over at once). */
    Completion<T> receivedAs(int arrival, long receivedNanos) {
        return new Completion<>(index, name, arrival, outcome, startedNanos, finishedNanos, receivedNanos, timeout);
    }

    /** The task's 0-based position in the input list. */
    public int index() {
        return index;
    }

    /** The name given with {@link Task#of}, or a positional label such as {@code "#3"}; never null. */
    public String name() {
        return name != null ? name : "#" + index;
    }

    /** True when the task was a named {@link Task}. */
    public boolean hasName() {
        return name != null;
    }

    /** 0-based order in which the consumer received this completion. */
    public int arrival() {
        return arrival;
    }

    /** How the task ended. */
    public Outcome<T> outcome() {
        return outcome;
    }

    /** True if the task returned a value. */
    public boolean isSuccess() {
        return outcome.isSuccess();
    }

    /**
     * The task's result.
     *
     * @throws TaskFailedException        if the task threw; its cause is the task's own exception
     * @throws CancellationException      if the task was cancelled
     * @throws DeadlineExceededException  if the run's timeout expired before the task finished
     */
    public T value() {
        return switch (outcome) {
            case Outcome.Success<T> s -> s.value();
            case Outcome.Failure<T> f -> throw new TaskFailedException(index, name, f.exception());
            case Outcome.Cancelled<T> c -> throw new CancellationException(label(index, name) + " was cancelled");
            case Outcome.TimedOut<T> t -> throw new DeadlineExceededException(timeout, java.util.List.of(index));
        };
    }

    /**
     * When the task started, measured from the start of the run; empty if it never started (cancelled or timed
     * out while waiting for a {@link Options#maxConcurrency} slot). A future passed to {@code ofFutures} was
     * already running, so its start is the start of the run.
     */
    public Optional<Duration> started() {
        return startedNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(startedNanos));
    }

    /** When the task's outcome was settled (it returned, threw, or was cancelled), from the start of the run. */
    public Duration finished() {
        return Duration.ofNanos(finishedNanos);
    }

    /** When the consumer received this completion, from the start of the run. */
    public Duration received() {
        return Duration.ofNanos(receivedNanos);
    }

    @Override
    public String toString() {
        return "Completion[" + label(index, name) + ", arrival " + arrival + ", " + outcome + "]";
    }

    static String label(int index, String name) {
        return name == null ? "task #" + index : "task #" + index + " (" + name + ")";
    }
}
