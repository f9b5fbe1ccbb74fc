package arrivals;

import java.util.List;

/**
 * A task threw. {@link #getCause()} is the task's own exception, as thrown but for a wrapping
 * {@code ExecutionException} or {@code CompletionException}, which is removed (see {@link AsCompleted}), and
 * {@link #index()} and {@link #taskName()} say which task it was.
 *
 * <pre>{@code
 * try {
 *     List<String> all = Gather.all(tasks);
 * } catch (TaskFailedException e) {
 *     System.out.println("task " + e.index() + " failed: " + e.getCause());
 * }
 * }</pre>
 *
 * <p>When several tasks failed, the cause is the earliest failure and the others are
 * {@linkplain #getSuppressed() suppressed}. This is the only wrapper the library puts around a task's exception:
 * there is never an {@code ExecutionException} or {@code CompletionException} in between.
 */
public final class TaskFailedException extends RuntimeException {
    private final int index;
    private final String taskName;

    TaskFailedException(int index, String taskName, Throwable cause) {
        this(index, taskName, cause, List.of());
    }

    /** {@code stillRunning}: siblings that ignored their cancellation and outlived the stop grace. */
    TaskFailedException(int index, String taskName, Throwable cause, List<Integer> stillRunning) {
        super(Completion.label(index, taskName) + " failed: " + cause + (stillRunning.isEmpty() ? ""
                : "; tasks " + stillRunning + " were still running when the stop grace ran out"), cause);
        this.index = index;
        this.taskName = taskName;
    }

    /** The 0-based input position of the task that failed. */
    public int index() {
        return index;
    }

    /** The task's name, or its positional label ({@code "#3"}) when it had none. */
    public String taskName() {
        return taskName != null ? taskName : "#" + index;
    }
}
