package arrivals.record;

import arrivals.Completion;
import arrivals.Options;
import arrivals.RunInfo;
import arrivals.RunListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import tech.tablesaw.api.Table;

/**
 * Records runs of {@code Gather} and {@code AsCompleted}: every task's timing, arrival position and outcome,
 * ready to become a {@link Table} or a chart.
 *
 * <pre>{@code
 * Recorder recorder = new Recorder();
 * Gather.settled(tasks, recorder.options());                       // record a gather run
 * try (var results = AsCompleted.of(tasks, recorder.options())) {  // and an as-completed run
 *     results.forEach(done -> { });
 * }
 * System.out.println(recorder.table());    // one row per task and run
 * System.out.println(recorder.summary());  // one row per run: first result, total time, Kendall tau
 * }</pre>
 *
 * <p>A recorder is a {@link arrivals.RunListener}, attached with {@link Options#listener}; runs without one pay
 * nothing. It is thread-safe: several runs, on several threads, may share one recorder, and it can be read
 * while they run (a read is a snapshot). It keeps every completion, results included, until {@link #clear()}.
 */
public final class Recorder implements RunListener {
    private final ConcurrentSkipListMap<Long, Entry> runs = new ConcurrentSkipListMap<>();

    /** An empty recorder. */
    public Recorder() {
    }

    /** Default options that report to this recorder: {@code Gather.all(tasks, recorder.options())}. */
    public Options options() {
        return Options.defaults().listener(this);
    }

    /**
     * {@code base} reporting to this recorder (it replaces any listener {@code base} had).
     *
     * @throws NullPointerException if {@code base} is null
     */
    public Options options(Options base) {
        return Objects.requireNonNull(base, "base").listener(this);
    }

    @Override
    public void runStarted(RunInfo run) {
        entry(run);
    }

    @Override
    public void delivered(RunInfo run, Completion<?> completion) {
        Entry entry = entry(run);
        synchronized (entry) {
            entry.completions.add(completion);
        }
    }

    @Override
    public void runEnded(RunInfo run, List<Integer> stillRunning) {
        Entry entry = entry(run);
        synchronized (entry) {
            entry.ended = true;
            entry.stillRunning = List.copyOf(stillRunning);
        }
    }

    /** Every run recorded so far, oldest first, as snapshots. */
    public List<RecordedRun> runs() {
        List<RecordedRun> snapshot = new ArrayList<>(runs.size());
        for (Entry entry : runs.values()) {
            snapshot.add(entry.snapshot());
        }
        return List.copyOf(snapshot);
    }

    /**
     * The most recently started run.
     *
     * @throws IllegalStateException if nothing was recorded yet
     */
    public RecordedRun last() {
        var last = runs.lastEntry();
        if (last == null) {
            throw new IllegalStateException("nothing recorded yet: pass recorder.options() to Gather or AsCompleted");
        }
        return last.getValue().snapshot();
    }

    /** One row per received task of every run; see {@link RunTables#rows} for the columns. */
    public Table table() {
        return RunTables.rows(runs());
    }

    /** One row per run; see {@link RunTables#summary} for the columns. */
    public Table summary() {
        return RunTables.summary(table());
    }

    /** Forgets every run recorded so far. Runs still going on are recorded again from their next event. */
    public void clear() {
        runs.clear();
    }

    @Override
    public String toString() {
        return "Recorder[" + runs.size() + " runs]";
    }

    private Entry entry(RunInfo run) {
        return runs.computeIfAbsent(run.id(), id -> new Entry(run));
    }

    private static final class Entry {
        final RunInfo info;
        final List<Completion<?>> completions = new ArrayList<>();
        boolean ended;
        List<Integer> stillRunning = List.of();

        Entry(RunInfo info) {
            this.info = info;
        }

        synchronized RecordedRun snapshot() {
            return new RecordedRun(info, completions, ended, stillRunning);
        }
    }
}
