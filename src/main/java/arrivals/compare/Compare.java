package arrivals.compare;

import arrivals.AsCompleted;
import arrivals.Completion;
import arrivals.Gather;
import arrivals.Options;
import arrivals.RunInfo;
import arrivals.RunListener;
import arrivals.chart.SummaryChart;
import arrivals.chart.TimelineChart;
import arrivals.record.Recorder;
import arrivals.simulate.Delays;
import arrivals.simulate.Fetcher;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import tech.tablesaw.api.Table;

/**
 * Runs the same tasks with gather and with as-completed, records both, and hands back the tables and charts:
 * the whole comparison in one notebook cell.
 *
 * <pre>{@code
 * Compare c = Compare.simulated(10, Delays.uniformMillis(100, 500, 42));
 * display(c.timelineChart().image());  // when each result was ready, and when it was received
 * c.summary();                         // first result, total time, Kendall tau per run
 * }</pre>
 *
 * <p>Nothing is faked: each round really runs {@link Gather#settled} on the tasks, then, once it is over,
 * {@link AsCompleted#of} on the same tasks, consuming every result as it arrives. The two runs never overlap,
 * so they don't compete for the processor. Task failures are recorded as outcomes, never thrown. Tasks must be
 * callable more than once (each round calls each task twice). The calling thread blocks until every round is
 * done; if it is interrupted, the current run is cancelled and {@link InterruptedException} is thrown.
 */
public final class Compare {
    private final Recorder recorder;

    private Compare(Recorder recorder) {
        this.recorder = recorder;
    }

    /**
     * Runs {@code tasks} once with each strategy.
     *
     * @throws NullPointerException if {@code tasks} or one of its elements is null
     * @throws InterruptedException if the calling thread is interrupted
     */
    public static Compare of(List<? extends Callable<?>> tasks) throws InterruptedException {
        return of(tasks, Options.defaults(), 1);
    }

    /**
     * Runs {@code tasks} {@code rounds} times with each strategy (gather, then as-completed, per round) under
     * {@code options}. A listener already in {@code options} is kept and sees every run too.
     *
     * @throws NullPointerException     if an argument or an element of {@code tasks} is null
     * @throws IllegalArgumentException if {@code rounds} is not between 1 and 1000
     * @throws InterruptedException     if the calling thread is interrupted
     */
    public static Compare of(List<? extends Callable<?>> tasks, Options options, int rounds)
            throws InterruptedException {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(options, "options");
        if (rounds < 1 || rounds > 1000) {
            throw new IllegalArgumentException("rounds must be between 1 and 1000, was " + rounds);
        }
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i) == null) {
                throw new NullPointerException("tasks[" + i + "] is null");
            }
        }
        Recorder recorder = new Recorder();
        RunListener listener = options.listener().map(own -> both(own, recorder)).orElse(recorder);
        Options recorded = options.listener(listener);
        for (int round = 0; round < rounds; round++) {
            Gather.settled(tasks, recorded);
            try (AsCompleted<Object> results = AsCompleted.of(tasks, recorded)) {
                for (Completion<Object> ignored : results) {
                    // Only the arrival matters here; the recorder has already noted it.
                }
            } catch (CancellationException e) {
                // AsCompleted reports an interrupted consumer this way; gather's caller gets the plain exception.
                if (e.getCause() instanceof InterruptedException interrupted) {
                    Thread.interrupted();
                    throw interrupted;
                }
                throw e;
            }
        }
        return new Compare(recorder);
    }

    /**
     * Compares {@code count} quiet simulated fetches ({@link Fetcher#tasks}) with these delays, in real time:
     * {@code simulated(10, Delays.uniformMillis(100, 500, 42))} takes about 0.5 s per run.
     *
     * @throws IllegalArgumentException  if {@code count} is negative
     * @throws IndexOutOfBoundsException if {@code delays} holds fewer than {@code count} fixed delays
     * @throws InterruptedException      if the calling thread is interrupted
     */
    public static Compare simulated(int count, Delays delays) throws InterruptedException {
        return of(Fetcher.realTime().quiet().tasks(count, delays));
    }

    /**
     * Compares {@code count} quiet simulated fetches ({@link Fetcher#tasks}) with these delays at this time
     * scale: {@code simulated(10, Delays.uniformSeconds(1, 5, 42), 0.1)} takes about 0.5 s per run.
     *
     * @throws IllegalArgumentException  if {@code count} is negative or {@code timeScale} is not positive
     * @throws IndexOutOfBoundsException if {@code delays} holds fewer than {@code count} fixed delays
     * @throws InterruptedException      if the calling thread is interrupted
     */
    public static Compare simulated(int count, Delays delays, double timeScale) throws InterruptedException {
        return of(Fetcher.scaled(timeScale).quiet().tasks(count, delays));
    }

    /** The recorder that holds every run of this comparison. */
    public Recorder recorder() {
        return recorder;
    }

    /** One row per task and run; see {@link arrivals.record.RunTables#rows}. */
    public Table table() {
        return recorder.table();
    }

    /** One row per run; see {@link arrivals.record.RunTables#summary}. */
    public Table summary() {
        return recorder.summary();
    }

    /** A timeline of every run, one panel each. */
    public TimelineChart timelineChart() {
        return TimelineChart.of(table());
    }

    /** Time to first result and total time per strategy. */
    public SummaryChart summaryChart() {
        return SummaryChart.of(summary());
    }

    @Override
    public String toString() {
        return summary().print();
    }

    private static RunListener both(RunListener first, RunListener second) {
        return new RunListener() {
            @Override
            public void runStarted(RunInfo run) {
                first.runStarted(run);
                second.runStarted(run);
            }

            @Override
            public void delivered(RunInfo run, Completion<?> completion) {
                first.delivered(run, completion);
                second.delivered(run, completion);
            }

            @Override
            public void runEnded(RunInfo run, List<Integer> stillRunning) {
                first.runEnded(run, stillRunning);
                second.runEnded(run, stillRunning);
            }
        };
    }
}
