package arrivals.course;

import java.util.Objects;

/**
 * A value and how long it took to compute, measured inside one method call.
 *
 * <pre>{@code
 * Timed<List<String>> inTurn = Timed.run(() -> fetchOneAfterAnother(sources));
 * System.out.println(inTurn.value() + " in " + inTurn.millis() + " ms");
 * long idle = Timed.millis(() -> Thread.sleep(100));
 * }</pre>
 *
 * <p>Why a helper and not {@code start = System.nanoTime()} in one statement and {@code System.nanoTime() - start}
 * a few statements later: JShell, and so every Java notebook kernel, compiles each top-level statement of a cell
 * just before it runs it. A stopwatch spread over several statements therefore also times the compiler, which
 * can take longer than the work itself. Here the clock starts and stops inside one call, around the work only.
 *
 * @param value  what the work returned
 * @param millis how long it took, in whole milliseconds
 * @param <T>    the value's type
 */
public record Timed<T>(T value, long millis) {

    /** Work that returns a value and may throw, such as a method that waits for tasks. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }

    /** Work that returns nothing and may throw. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** Runs {@code work} and returns its value with the time it took. Its exceptions pass through unchanged. */
    public static <T> Timed<T> run(Work<T> work) throws Exception {
        Objects.requireNonNull(work, "work");
        long start = System.nanoTime();
        T value = work.call();
        return new Timed<>(value, (System.nanoTime() - start) / 1_000_000);
    }

    /** Runs {@code action} and returns how many milliseconds it took. Its exceptions pass through unchanged. */
    public static long millis(Action action) throws Exception {
        Objects.requireNonNull(action, "action");
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
