package arrivals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

/**
 * Runs tasks concurrently and waits for all of them: the Java counterpart of Python's {@code asyncio.gather}.
 * Results come back in input order, however the tasks were ordered in time.
 *
 * <pre>{@code
 * List<Callable<String>> tasks = List.of(
 *     () -> { Thread.sleep(300); return "first"; },
 *     () -> { Thread.sleep(100); return "second"; });
 * List<String> all = Gather.all(tasks);            // [first, second], after about 300 ms
 * List<Outcome<String>> each = Gather.settled(tasks); // never throws because a task failed
 * }</pre>
 *
 * <p>Each task runs on its own virtual thread unless {@link Options#executor} says otherwise.
 *
 * <h2>Failure, timeout, interrupt and cancel</h2>
 * <ul>
 *   <li>{@link #all} fails fast: the first task to throw cancels (interrupts) the others, the call waits until
 *       they have stopped, then throws {@link TaskFailedException} whose cause is the exception of the task that
 *       failed first and whose {@code index()} says which task it was. Exceptions of other tasks that failed too
 *       (at the same moment, or while being cancelled) are attached as suppressed, and the message names tasks
 *       that were still running when the stop grace ran out.</li>
 *   <li>{@link #settled} never throws because of a task: each position holds its {@link Outcome}.</li>
 *   <li>With {@link Options#timeout}, tasks still running when it expires are cancelled; {@code all} then throws
 *       {@link DeadlineExceededException} listing them, and {@code settled} reports them as
 *       {@link Outcome.TimedOut}.</li>
 *   <li>If the calling thread is interrupted while waiting, every task is cancelled and waited for, and
 *       {@link InterruptedException} is thrown.</li>
 * </ul>
 *
 * <p>Empty input returns an empty list at once. The same callable at two positions runs twice. A null list or
 * element throws {@link NullPointerException} naming it. Tasks that ignore interrupts are waited for at most
 * {@link Options#stopGrace}; a {@link RunListener} is told which ones were still running.
 */
public final class Gather {
    private Gather() {
    }

    /**
     * Runs {@code tasks} and returns their results in input order.
     *
     * @return an unmodifiable list; it holds null where a task returned null
     * @throws TaskFailedException  if a task threw (the first one to do so; the others were cancelled)
     * @throws InterruptedException if the calling thread was interrupted while waiting
     * @throws NullPointerException if {@code tasks} or one of its elements is null
     */
    public static <T> List<T> all(List<? extends Callable<? extends T>> tasks) throws InterruptedException {
        return all(tasks, Options.defaults());
    }

    /**
     * Like {@link #all(List)}, under {@code options} ({@code failFast} is always on here).
     *
     * @throws DeadlineExceededException if the timeout expired before every task finished
     */
    public static <T> List<T> all(List<? extends Callable<? extends T>> tasks, Options options)
            throws InterruptedException {
        Run<T> run = Run.ofCallables("gather", tasks, options, true);
        List<Outcome<T>> outcomes = runToEnd(run, options);
        Slot<T> first = run.firstFailure();
        if (first != null) {
            throw failure(run, first, outcomes);
        }
        List<T> values = new ArrayList<>(run.size());
        List<Integer> timedOut = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            switch (outcomes.get(i)) {
                case Outcome.Success<T> s -> values.add(s.value());
                case Outcome.TimedOut<T> t -> timedOut.add(i);
                case Outcome.Cancelled<T> x -> throw new CancellationException(
                        Completion.label(i, null) + " was cancelled");
                case Outcome.Failure<T> f -> throw new AssertionError("failures are reported above");
            }
        }
        if (!timedOut.isEmpty()) {
            throw new DeadlineExceededException(run.timeout(), timedOut);
        }
        return Collections.unmodifiableList(values);
    }

    /**
     * The earliest failure, with every other exception a task ended with attached as suppressed (those that
     * settled as failures, in the order they did, then those thrown while being cancelled), as an
     * {@code ExceptionGroup} of Python's {@code TaskGroup} would hold them all.
     */
    private static <T> TaskFailedException failure(Run<T> run, Slot<T> first, List<Outcome<T>> outcomes) {
        Throwable cause = ((Outcome.Failure<T>) outcomes.get(first.index)).exception();
        TaskFailedException e = new TaskFailedException(first.index, first.name, cause, run.stillRunning());
        IntStream.range(0, outcomes.size())
                .filter(i -> i != first.index && outcomes.get(i) instanceof Outcome.Failure<T>)
                .boxed()
                .sorted(Comparator.comparingLong(i -> run.slot(i).finishedNanos))
                .forEach(i -> e.addSuppressed(((Outcome.Failure<T>) outcomes.get(i)).exception()));
        run.lateFailures().forEach(e::addSuppressed);
        return e;
    }

    /**
     * Runs {@code tasks} and returns how each one ended, in input order: the counterpart of
     * {@code asyncio.gather(..., return_exceptions=True)} and {@code Promise.allSettled}.
     *
     * @throws InterruptedException if the calling thread was interrupted while waiting
     * @throws NullPointerException if {@code tasks} or one of its elements is null
     */
    public static <T> List<Outcome<T>> settled(List<? extends Callable<? extends T>> tasks)
            throws InterruptedException {
        return settled(tasks, Options.defaults());
    }

    /** Like {@link #settled(List)}, under {@code options} ({@code failFast} is always off here). */
    public static <T> List<Outcome<T>> settled(List<? extends Callable<? extends T>> tasks, Options options)
            throws InterruptedException {
        return Collections.unmodifiableList(runToEnd(Run.ofCallables("gather", tasks, options, false), options));
    }

    /**
     * Starts the run, waits for every outcome, stops every thread, and only then reports the results to the
     * listener: all at once and in input order, because that is when gather's caller receives them. Without a
     * listener or progress callback, nobody watches arrivals, so it waits once for all of them.
     */
    private static <T> List<Outcome<T>> runToEnd(Run<T> run, Options options) throws InterruptedException {
        RunListener listener = options.listener().orElse(null);
        Progress progress = options.progress().orElse(null);
        if (listener != null) {
            listener.runStarted(run.info);
        }
        try {
            if (listener == null && progress == null) {
                run.startAll();
                run.awaitAllSettled();
                List<Outcome<T>> outcomes = new ArrayList<>(run.size());
                for (int i = 0; i < run.size(); i++) {
                    outcomes.add(run.slot(i).takeOutcome()); // and the slot lets go of the value
                }
                run.close();
                return outcomes;
            }
            run.start();
            List<Completion<T>> byIndex = new ArrayList<>(Collections.nCopies(run.size(), null));
            while (!run.exhausted()) {
                Completion<T> completion = run.take();
                byIndex.set(completion.index(), completion);
                if (progress != null) {
                    progress.update(completion.arrival() + 1, run.size());
                }
            }
            run.close();
            if (listener != null) {
                long received = run.clock();
                for (int i = 0; i < byIndex.size(); i++) {
                    listener.delivered(run.info, byIndex.get(i).receivedAs(i, received));
                }
            }
            List<Outcome<T>> outcomes = new ArrayList<>(byIndex.size());
            byIndex.forEach(c -> outcomes.add(c.outcome()));
            return outcomes;
        } finally {
            run.close(); // a no-op after the normal path; after an interrupt or error, cancels and waits
            if (listener != null) {
                listener.runEnded(run.info, run.stillRunning());
            }
        }
    }
}
