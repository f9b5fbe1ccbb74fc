package arrivals;

import java.util.List;

/**
 * Observes runs, for recording and charts, without touching the loops that deliver results.
 *
 * <pre>{@code
 * List<Completion<?>> seen = new CopyOnWriteArrayList<>();
 * RunListener listener = new RunListener() {
 *     public void delivered(RunInfo run, Completion<?> completion) { seen.add(completion); }
 * };
 * Gather.all(tasks, Options.defaults().listener(listener));
 * }</pre>
 *
 * <p>Calls come in this order for each run: {@link #runStarted}, then {@link #delivered} once per task, then
 * {@link #runEnded}, reported once, by the {@code close()} that ended the run and after it waited for the tasks
 * (a task or callback that closes the run while another close is waiting reports nothing).
 * {@code delivered} is called on the consuming thread at the moment the consumer receives
 * the completion: for {@link AsCompleted} as each one is handed out; for {@link Gather} all together, in input
 * order, when the list is returned, which is exactly what gather's caller experiences. If the consumer stops
 * early, tasks it never received are not reported as delivered. The same listener may observe several runs at
 * once from different threads, so implementations must be thread-safe. A listener that throws breaks the run
 * it observes like a throwing {@link Progress} does. Runs without a listener pay nothing for this hook.
 */
public interface RunListener {

    /** A run is about to start its tasks. */
    default void runStarted(RunInfo run) {
    }

    /** The consumer has just received {@code completion}. */
    default void delivered(RunInfo run, Completion<?> completion) {
    }

    /**
     * The run is over: every task finished or was cancelled, and the library waited for them to stop.
     *
     * @param stillRunning input indices of cancelled tasks that ignored the interrupt and were still running
     *                     when the wait gave up (see {@link Options#stopGrace}); usually empty
     */
    default void runEnded(RunInfo run, List<Integer> stillRunning) {
    }
}
