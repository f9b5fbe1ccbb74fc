package arrivals;

/**
 * Told after each arrival how many tasks are done out of how many.
 *
 * <pre>{@code
 * var options = Options.defaults().onProgress((done, total) ->
 *     System.out.printf("Progress: %d/%d%n", done, total));
 * try (var results = AsCompleted.of(tasks, options)) {
 *     results.forEach(done -> use(done.value()));
 * }
 * }</pre>
 *
 * <p>It is called on the thread that consumes the results (the iterating thread of {@link AsCompleted}, the
 * caller of {@link Gather}), once per task, with {@code done} rising by one from 1 to {@code total}, so it needs
 * no synchronisation and whatever it prints stays in order. If it throws, the run is closed (its unfinished
 * tasks cancelled and joined) and the exception propagates to the consumer unchanged.
 */
@FunctionalInterface
public interface Progress {
    /**
     * Called after a task's result arrived.
     *
     * @param done  how many results have arrived, this one included
     * @param total how many tasks the run has
     */
    void update(int done, int total);
}
