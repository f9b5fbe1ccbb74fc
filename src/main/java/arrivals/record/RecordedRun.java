package arrivals.record;

import arrivals.Completion;
import arrivals.RunInfo;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Recorder} saw of one run: which run it was, and every completion in the order the consumer
 * received it.
 *
 * <pre>{@code
 * Recorder recorder = new Recorder();
 * Gather.all(tasks, recorder.options());
 * RecordedRun run = recorder.last();
 * System.out.println(run.strategy() + " delivered " + run.completions().size() + " of " + run.taskCount()
 *         + " in the order " + run.arrivalOrder());
 * }</pre>
 *
 * <p>A snapshot: it does not change when the run goes on. {@code completions} holds only what the consumer
 * received, so a consumer that stopped early leaves fewer than {@link #taskCount()}.
 *
 * @param info         the run's id, strategy, size and start time
 * @param completions  the completions received, in the order they were received
 * @param ended        whether the run had ended when the snapshot was taken
 * @param stillRunning tasks that ignored their cancellation and were still running at the end (usually none)
 */
public record RecordedRun(RunInfo info, List<Completion<?>> completions, boolean ended, List<Integer> stillRunning) {

    /** Copies the lists, so the record is immutable. */
    public RecordedRun {
        Objects.requireNonNull(info, "info");
        completions = List.copyOf(completions);
        stillRunning = List.copyOf(stillRunning);
    }

    /** The run's id, unique in this JVM. */
    public long id() {
        return info.id();
    }

    /** {@code "gather"} or {@code "as-completed"}. */
    public String strategy() {
        return info.strategy();
    }

    /** How many tasks the run had. */
    public int taskCount() {
        return info.taskCount();
    }

    /** The creation indices of the received completions, in arrival order: {@code [0, 1, 2]} for gather. */
    public List<Integer> arrivalOrder() {
        return completions.stream().map(Completion::index).toList();
    }
}
