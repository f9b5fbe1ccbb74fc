package arrivals;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Hands over each task's result the moment the task finishes: the Java counterpart of Python's
 * {@code asyncio.as_completed}, with the input position, name and timing of every result attached.
 *
 * <pre>{@code
 * List<Task<String>> tasks = List.of(
 *     Task.of("slow", () -> { Thread.sleep(300); return "slow"; }),
 *     Task.of("fast", () -> { Thread.sleep(100); return "fast"; }));
 * try (var results = AsCompleted.of(tasks)) {
 *     for (var done : results) {
 *         System.out.println("Just received: " + done.value()); // "fast" first, then "slow"
 *     }
 * }
 * }</pre>
 *
 * <p>The tasks start when {@code of} is called, each on its own virtual thread unless {@link Options#executor}
 * says otherwise. Iterating yields exactly one {@link Completion} per task, in the order the tasks finish;
 * results that arrive while the consumer is busy are buffered, none is lost. Each arrival costs O(1): outcomes
 * feed one queue.
 *
 * <h2>Failure, timeout, interrupt and cancel</h2>
 * <ul>
 *   <li>One rule maps how a task ended to its {@link Outcome}, for callables, starters and futures alike: a value
 *       is a {@link Outcome.Success}; an exception thrown (or a future completed exceptionally) is a
 *       {@link Outcome.Failure} holding it, with {@code CompletionException} and {@code ExecutionException}
 *       wrappers that carry a cause removed; {@link Outcome.Cancelled} means the run cancelled the task
 *       (fail-fast, close) or the future's own {@code isCancelled()} is true; {@link Outcome.TimedOut} means the
 *       deadline cancelled it. A {@code CancellationException} thrown by a callable, or a future that failed
 *       because a stage it depends on was cancelled, is therefore a failure. For fail-fast, every ending other
 *       than a value counts, unless the run itself caused it. A future that was already done when the run
 *       cancelled the rest is reported as it ended.</li>
 *   <li>A task that throws is delivered as an {@link Outcome.Failure}; {@link Completion#value()} rethrows its
 *       exception inside a {@link TaskFailedException}. With {@link Options#failFast}, the first failure also
 *       cancels the unfinished tasks, which are then delivered as {@link Outcome.Cancelled}.</li>
 *   <li>When {@link Options#timeout} expires, every unfinished task is cancelled (interrupted) and delivered as
 *       {@link Outcome.TimedOut}, so no task is left running.</li>
 *   <li>If the consuming thread is interrupted while waiting for the next result, the run is closed and the
 *       iterator throws {@link CancellationException} with the {@link InterruptedException} as its cause; the
 *       thread's interrupt status is set again.</li>
 *   <li>{@link #close()} cancels every unfinished task and waits for it to stop (up to
 *       {@link Options#stopGrace}): when it returns, no task of the run is still inside its code, except those
 *       listed by {@link #stillRunning()}. Leaving a try-with-resources block early therefore stops the rest;
 *       so does closing the {@link #stream()}. Once every result has been handed over the run closes itself.</li>
 * </ul>
 *
 * <h2>Contract for edge cases</h2>
 * <ul>
 *   <li>Empty input: the iteration is empty at once; nothing is started.</li>
 *   <li>The same callable or future at several positions: each position is a separate task with its own
 *       completion (a callable runs once per position).</li>
 *   <li>A null list or a null element: {@link NullPointerException} naming the argument and position.</li>
 *   <li>An {@code AsCompleted} can be iterated once; a second {@link #iterator()} (or {@code stream()}) throws
 *       {@link IllegalStateException}, as does taking a result after {@link #close()}.</li>
 * </ul>
 *
 * <p>One thread should consume the results; {@link #close()} may be called from any thread, any number of times.
 *
 * @param <T> the result type
 */
public final class AsCompleted<T> implements Iterable<Completion<T>>, AutoCloseable {
    private final Run<T> run;
    private final RunListener listener;
    private final AtomicBoolean iterated = new AtomicBoolean();
    private final Progress progress;

    private AsCompleted(Run<T> run, Options options) {
        this.run = run;
        this.listener = options.listener().orElse(null);
        if (listener != null) {
            listener.runStarted(run.info);
        }
        this.progress = options.progress().orElse(null);
        try {
            run.start();
        } catch (RuntimeException | Error e) { // no thread to start the rest: stop what did start, then say so
            close();
            throw e;
        }
    }

    /**
     * Starts {@code tasks}, each on a new virtual thread, and returns their completions in finishing order.
     *
     * @throws NullPointerException if {@code tasks} or one of its elements is null
     */
    public static <T> AsCompleted<T> of(List<? extends Callable<? extends T>> tasks) {
        return of(tasks, Options.defaults());
    }

    /**
     * Starts {@code tasks} under {@code options} and returns their completions in finishing order.
     *
     * @throws NullPointerException if an argument or an element of {@code tasks} is null
     */
    public static <T> AsCompleted<T> of(List<? extends Callable<? extends T>> tasks, Options options) {
        boolean failFast = Objects.requireNonNull(options, "options").failFast();
        return new AsCompleted<>(Run.ofCallables("as-completed", tasks, options, failFast), options);
    }

    /**
     * Observes futures that are already running (timer-driven or asynchronous I/O) and returns their completions
     * in finishing order. No thread waits per future. Cancelling, on timeout, fail-fast or close, calls
     * {@code future.cancel(true)}.
     *
     * @throws NullPointerException if {@code futures} or one of its elements is null
     */
    public static <T> AsCompleted<T> ofFutures(Collection<? extends CompletableFuture<? extends T>> futures) {
        return ofFutures(futures, Options.defaults());
    }

    /**
     * Like {@link #ofFutures(Collection)}, under {@code options}.
     *
     * @throws IllegalArgumentException if {@code options} sets a concurrency limit or an executor, which can't
     *                                  apply to work that is already running
     */
    public static <T> AsCompleted<T> ofFutures(Collection<? extends CompletableFuture<? extends T>> futures,
                                               Options options) {
        boolean failFast = Objects.requireNonNull(options, "options").failFast();
        return new AsCompleted<>(Run.ofFutures("as-completed", futures, options, failFast), options);
    }

    /**
     * Starts asynchronous tasks and returns their completions in finishing order. Each starter begins some work
     * when called (arms a timer, sends a request) and returns the future of its result; no thread waits per
     * task, so a million pending tasks cost only their futures. The starters are called in input order: the
     * first few by this method, the rest from a background thread, so the first results can be taken while a
     * large input is still being started.
     *
     * <pre>{@code
     * List<Callable<CompletableFuture<String>>> timers = List.of(
     *     () -> new CompletableFuture<String>().completeOnTimeout("slow", 300, TimeUnit.MILLISECONDS),
     *     () -> new CompletableFuture<String>().completeOnTimeout("fast", 100, TimeUnit.MILLISECONDS));
     * try (var results = AsCompleted.ofAsync(timers)) {
     *     for (var done : results) System.out.println(done.value()); // fast, then slow
     * }
     * }</pre>
     *
     * <p>A starter that throws, or returns null, is delivered as an {@link Outcome.Failure}; a future that fails
     * is delivered with its own exception, unwrapped. Cancelling (timeout, fail-fast, close) calls
     * {@code future.cancel(true)} on started tasks and never starts the others. A {@link Task} used as a starter
     * lends its name to the completion.
     *
     * @throws NullPointerException if {@code starters} or one of its elements is null
     */
    public static <T> AsCompleted<T> ofAsync(
            List<? extends Callable<? extends CompletableFuture<? extends T>>> starters) {
        return ofAsync(starters, Options.defaults());
    }

    /**
     * Like {@link #ofAsync(List)}, under {@code options}. With {@link Options#maxConcurrency}, the next starter
     * is called when a started task finishes.
     *
     * @throws IllegalArgumentException if {@code options} sets an executor: asynchronous tasks need no thread
     */
    public static <T> AsCompleted<T> ofAsync(
            List<? extends Callable<? extends CompletableFuture<? extends T>>> starters, Options options) {
        boolean failFast = Objects.requireNonNull(options, "options").failFast();
        return new AsCompleted<>(Run.ofAsync("as-completed", starters, options, failFast), options);
    }

    /** How many tasks this run has. */
    public int size() {
        return run.size();
    }

    /** Identifies this run (its id, start time and size). */
    public RunInfo info() {
        return run.info;
    }

    /**
     * Returns the one iterator over this run's completions.
     *
     * @throws IllegalStateException if called a second time, or after {@link #close()}
     */
    @Override
    public Iterator<Completion<T>> iterator() {
        if (run.isClosed()) {
            throw new IllegalStateException("this AsCompleted is closed; its results can no longer be taken");
        }
        if (!iterated.compareAndSet(false, true)) {
            throw new IllegalStateException(
                    "an AsCompleted can be iterated only once: its results are handed over as they arrive");
        }
        return new Arrivals();
    }

    /**
     * The completions as a sequential stream; closing the stream closes this run. Like {@code Files.lines}, the
     * stream holds a resource, so use it in try-with-resources: a short-circuiting operation such as
     * {@code limit(k)} or {@code findFirst()} stops reading, and only closing cancels the tasks not yet received.
     *
     * <pre>{@code
     * try (Stream<Completion<String>> done = AsCompleted.of(tasks).stream()) {
     *     List<String> firstTwo = done.limit(2).map(Completion::value).toList();
     * } // the other tasks are cancelled and waited for here
     * }</pre>
     *
     * @throws IllegalStateException as {@link #iterator()} does
     */
    public Stream<Completion<T>> stream() {
        Spliterator<Completion<T>> spliterator =
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(this::close);
    }

    /**
     * Input positions of cancelled tasks that ignored their interrupt and were still running when
     * {@link #close()} stopped waiting for them; empty before close and in every well-behaved run.
     */
    public List<Integer> stillRunning() {
        return run.stillRunning();
    }

    /**
     * Cancels every task not yet finished, waits until none of them is still inside its code (at most
     * {@link Options#stopGrace}, as {@code ExecutorService.close()} waits), and stops the run's launcher and
     * timer. Completions not yet taken are discarded. Safe to call more than once and from any thread: a later
     * call waits for the first to end, except from one of the run's own tasks, which returns at once (the first
     * close is waiting for that task).
     */
    @Override
    public void close() {
        // Only the call that closed the run reports its end, once it has waited: a task that closes its own run
        // while the consumer's close is waiting must not report an end that has not happened.
        if (run.close() && listener != null) {
            listener.runEnded(run.info, run.stillRunning());
        }
    }

    private final class Arrivals implements Iterator<Completion<T>> {
        @Override
        public boolean hasNext() {
            if (run.isClosed()) {
                return false;
            }
            if (run.exhausted()) {
                close(); // everything was handed over: join the finished threads and end the run
                return false;
            }
            return true;
        }

        @Override
        public Completion<T> next() {
            if (run.isClosed()) {
                throw new IllegalStateException("this AsCompleted is closed; its results can no longer be taken");
            }
            if (run.exhausted()) {
                throw new NoSuchElementException("all " + run.size() + " completions have been delivered");
            }
            try {
                Completion<T> completion = run.take();
                if (listener != null) {
                    listener.delivered(run.info, completion);
                }
                if (progress != null) { // after delivered: a progress callback that closes ends the run after it
                    progress.update(completion.arrival() + 1, run.size());
                }
                return completion;
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                CancellationException stop =
                        new CancellationException("interrupted while waiting for the next completion");
                stop.initCause(e);
                throw stop;
            } catch (RuntimeException | Error e) { // a throwing progress callback or listener
                close();
                throw e;
            }
        }
    }
}
