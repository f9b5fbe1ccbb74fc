package arrivals;

import java.util.Objects;

/**
 * How a task ended: with a value, with an exception, cancelled, or cut off by a deadline.
 *
 * <pre>{@code
 * List<Outcome<String>> outcomes = Gather.settled(tasks);
 * for (Outcome<String> outcome : outcomes) {
 *     String text = switch (outcome) {
 *         case Outcome.Success<String> s -> "got " + s.value();
 *         case Outcome.Failure<String> f -> "failed: " + f.exception();
 *         case Outcome.Cancelled<String> c -> "cancelled";
 *         case Outcome.TimedOut<String> t -> "timed out";
 *     };
 *     System.out.println(text);
 * }
 * }</pre>
 *
 * <p>The type is sealed, so a {@code switch} over it is checked for completeness by the compiler. An outcome is
 * immutable; {@link Failure#exception()} is the exception the task itself threw, never wrapped in an
 * {@code ExecutionException} or {@code CompletionException}.
 *
 * @param <T> the result type
 */
public sealed interface Outcome<T> permits Outcome.Success, Outcome.Failure, Outcome.Cancelled, Outcome.TimedOut {

    /** The task returned {@code value} (which may be null). */
    record Success<T>(T value) implements Outcome<T> {
    }

    /**
     * The task threw {@code exception}: the original throwable, with a wrapping {@code ExecutionException} or
     * {@code CompletionException} removed (see {@link AsCompleted}).
     */
    record Failure<T>(Throwable exception) implements Outcome<T> {
        public Failure {
            Objects.requireNonNull(exception, "exception");
        }
    }

    /** The task was cancelled before it finished: by fail-fast, by {@code close()}, or by an interrupt. */
    record Cancelled<T>() implements Outcome<T> {
    }

    /** The overall deadline expired before the task finished; the task was cancelled. */
    record TimedOut<T>() implements Outcome<T> {
    }

    /** True for {@link Success}. */
    default boolean isSuccess() {
        return this instanceof Success<T>;
    }

    /** The value of a {@link Success}, or {@code fallback} for every other outcome. */
    default T orElse(T fallback) {
        return this instanceof Success<T> s ? s.value() : fallback;
    }
}
