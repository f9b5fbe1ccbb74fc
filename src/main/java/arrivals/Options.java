package arrivals;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * Settings for one run of {@link AsCompleted} or {@link Gather}. Immutable: each method returns a changed copy.
 *
 * <pre>{@code
 * Options options = Options.defaults()
 *     .timeout(Duration.ofSeconds(2))      // cancel whatever is still running after 2 s
 *     .maxConcurrency(10)                  // at most 10 tasks at once; the rest start as slots free up
 *     .failFast(true)                      // the first failure cancels the others
 *     .onProgress((done, total) -> System.out.println(done + "/" + total));
 * try (var results = AsCompleted.of(tasks, options)) { ... }
 * }</pre>
 *
 * <p>Defaults: no timeout, unbounded concurrency, no fail-fast, one new virtual thread per task, no progress
 * callback, no listener, a stop grace of one second, and threads made by the library.
 */
public final class Options {
    private static final Options DEFAULTS =
            new Options(null, Integer.MAX_VALUE, false, null, null, null, Duration.ofSeconds(1), null);

    private final Duration timeout;
    private final int maxConcurrency;
    private final boolean failFast;
    private final Executor executor;
    private final Progress progress;
    private final RunListener listener;
    private final Duration stopGrace;
    private final ThreadFactory threadFactory;

    private Options(Duration timeout, int maxConcurrency, boolean failFast, Executor executor,
                    Progress progress, RunListener listener, Duration stopGrace, ThreadFactory threadFactory) {
        this.timeout = timeout;
        this.maxConcurrency = maxConcurrency;
        this.failFast = failFast;
        this.executor = executor;
        this.progress = progress;
        this.listener = listener;
        this.stopGrace = stopGrace;
        this.threadFactory = threadFactory;
    }

    /** The default settings. */
    public static Options defaults() {
        return DEFAULTS;
    }

    /**
     * An overall deadline, measured from the start of the run. When it expires every unfinished task is
     * cancelled (interrupted) and reported with {@link Outcome.TimedOut}, so nothing is left running.
     *
     * @throws NullPointerException     if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Options timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        return new Options(timeout, maxConcurrency, failFast, executor, progress, listener, stopGrace, threadFactory);
    }

    /**
     * At most {@code limit} tasks run at once. Tasks are submitted lazily: the next one starts when a running one
     * finishes, so a large input never floods the executor (or a server the tasks call).
     *
     * @throws IllegalArgumentException if {@code limit} is zero or negative
     */
    public Options maxConcurrency(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("maxConcurrency must be positive, was " + limit);
        }
        return new Options(timeout, limit, failFast, executor, progress, listener, stopGrace, threadFactory);
    }

    /**
     * With {@code true}, the first task that throws cancels (interrupts) every other unfinished task; they are
     * reported with {@link Outcome.Cancelled}. {@link Gather#all} is always fail-fast and
     * {@link Gather#settled} never is, whatever this says.
     */
    public Options failFast(boolean failFast) {
        return new Options(timeout, maxConcurrency, failFast, executor, progress, listener, stopGrace, threadFactory);
    }

    /**
     * Run callables on {@code executor} instead of one new virtual thread each. The library never shuts it down;
     * cancellation interrupts the task's thread, as {@code Future.cancel(true)} does.
     *
     * @throws NullPointerException if {@code executor} is null
     */
    public Options executor(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return new Options(timeout, maxConcurrency, failFast, executor, progress, listener, stopGrace, threadFactory);
    }

    /**
     * Call {@code progress} after each arrival with (done, total).
     *
     * @throws NullPointerException if {@code progress} is null
     */
    public Options onProgress(Progress progress) {
        Objects.requireNonNull(progress, "progress");
        return new Options(timeout, maxConcurrency, failFast, executor, progress, listener, stopGrace, threadFactory);
    }

    /**
     * Report the run to {@code listener} (used by the recording and chart helpers).
     *
     * @throws NullPointerException if {@code listener} is null
     */
    public Options listener(RunListener listener) {
        Objects.requireNonNull(listener, "listener");
        return new Options(timeout, maxConcurrency, failFast, executor, progress, listener, stopGrace, threadFactory);
    }

    /**
     * How long closing a run waits for cancelled tasks to stop. A task that ignores interrupts can't be stopped
     * from outside; after this grace the run gives up waiting and reports it as still running (see
     * {@link AsCompleted#stillRunning()} and {@link RunListener#runEnded}).
     *
     * @throws NullPointerException     if {@code grace} is null
     * @throws IllegalArgumentException if {@code grace} is negative
     */
    public Options stopGrace(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("stopGrace must not be negative, was " + grace);
        }
        return new Options(timeout, maxConcurrency, failFast, executor, progress, listener, grace, threadFactory);
    }

    /**
     * Make every thread a run needs with {@code factory}: one per callable (unless {@link #executor} runs them),
     * a launcher that starts the rest of a large or bounded input, and a timer that keeps the deadline. By default
     * a run makes virtual threads named {@code arrivals-<run id>-task} (one name for all its tasks: a name per
     * task would cost a string each), {@code -launcher} and {@code -timer}. Threads are always made by the calling
     * thread or by the launcher that the calling thread made, never by
     * a task, so they inherit the caller's inheritable thread-locals. The run starts each thread it makes; a
     * factory that returns null, or a thread that fails to start, fails that task; if that happens to the launcher
     * or the timer, the run stops what it started and {@code of}, {@code ofAsync} or {@code Gather}'s method throws
     * the {@code RejectedExecutionException} or error.
     *
     * <pre>{@code
     * ThreadFactory named = Thread.ofVirtual().name("fetch-", 0).factory();
     * try (var results = AsCompleted.of(tasks, Options.defaults().threadFactory(named))) { ... }
     * }</pre>
     *
     * @throws NullPointerException if {@code factory} is null
     */
    public Options threadFactory(ThreadFactory factory) {
        Objects.requireNonNull(factory, "factory");
        return new Options(timeout, maxConcurrency, failFast, executor, progress, listener, stopGrace, factory);
    }

    public Optional<ThreadFactory> threadFactory() {
        return Optional.ofNullable(threadFactory);
    }

    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** The concurrency limit; {@code Integer.MAX_VALUE} when unbounded. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    public boolean failFast() {
        return failFast;
    }

    public Optional<Executor> executor() {
        return Optional.ofNullable(executor);
    }

    public Optional<Progress> progress() {
        return Optional.ofNullable(progress);
    }

    public Optional<RunListener> listener() {
        return Optional.ofNullable(listener);
    }

    public Duration stopGrace() {
        return stopGrace;
    }

    @Override
    public String toString() {
        return "Options[timeout=" + timeout + ", maxConcurrency="
                + (maxConcurrency == Integer.MAX_VALUE ? "unbounded" : maxConcurrency)
                + ", failFast=" + failFast + ", executor=" + (executor == null ? "virtual threads" : executor)
                + ", stopGrace=" + stopGrace + "]";
    }
}
