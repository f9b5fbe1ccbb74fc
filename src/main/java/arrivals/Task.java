package arrivals;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A {@link Callable} with a name, so that each result can be traced back to the work that produced it.
 *
 * <pre>{@code
 * List<Task<String>> tasks = List.of(
 *     Task.of("API 1", () -> fetch("API 1")),
 *     Task.of("API 2", () -> fetch("API 2")));
 * try (var results = AsCompleted.of(tasks)) {
 *     for (var done : results) System.out.println(done.name() + " -> " + done.value());
 * }
 * }</pre>
 *
 * <p>A task is usable wherever a {@code Callable} is. {@link Completion#name()} reports the name; plain callables
 * get a positional label instead. Calling the task simply calls the wrapped callable: failures, interrupts and
 * cancellation behave exactly as they would for that callable.
 *
 * @param <T> the result type
 */
public final class Task<T> implements Callable<T> {
    private final String name;
    private final Callable<? extends T> work;

    private Task(String name, Callable<? extends T> work) {
        this.name = name;
        this.work = work;
    }

    /**
     * Returns a task named {@code name} that runs {@code work}.
     *
     * @throws NullPointerException if either argument is null
     */
    public static <T> Task<T> of(String name, Callable<? extends T> work) {
        return new Task<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(work, "work"));
    }

    /** The name given to {@link #of}. */
    public String name() {
        return name;
    }

    @Override
    public T call() throws Exception {
        return work.call();
    }

    @Override
    public String toString() {
        return "Task[" + name + "]";
    }

    /** The name of {@code task} if it is a {@code Task}, otherwise null. */
    static String nameOf(Object task) {
        return task instanceof Task<?> t ? t.name : null;
    }
}
