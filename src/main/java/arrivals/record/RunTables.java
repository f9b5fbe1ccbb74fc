package arrivals.record;

import arrivals.Completion;
import arrivals.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Turns recorded runs into Tablesaw tables: one row per task ({@link #rows}), and one row per run
 * ({@link #summary}).
 *
 * <pre>{@code
 * Table rows = RunTables.rows(recorder.runs());
 * Table more = RunTables.rows(otherRecorder.runs());
 * rows.append(more);                                   // tables of several recorders stack up
 * Table summary = RunTables.summary(rows);
 * System.out.println(summary.selectColumns(RunTables.STRATEGY, RunTables.FIRST_MS, RunTables.TOTAL_MS));
 * }</pre>
 *
 * <p>Times are milliseconds from the run's start, as doubles; a task that never started has a missing
 * {@link #STARTED_MS}. Every row table has the same columns with the same types, so {@code append} works, and
 * the summary and the charts accept any table built here, appended or filtered.
 */
public final class RunTables {
    /** Row and summary column: the run's id ({@code long}). */
    public static final String RUN = "run";
    /** Row and summary column: {@code "gather"} or {@code "as-completed"}. */
    public static final String STRATEGY = "strategy";
    /** Row and summary column: how many tasks the run had ({@code int}). */
    public static final String TASKS = "tasks";
    /** Row column: the task's 0-based position in the input, its creation order ({@code int}). */
    public static final String INDEX = "index";
    /** Row column: the task's name, or {@code "#3"} for an unnamed one. */
    public static final String TASK = "task";
    /** Row column: the 0-based order in which the consumer received the result ({@code int}). */
    public static final String ARRIVAL = "arrival";
    /** Row column: when the task started (ms from the run's start; missing if it never started). */
    public static final String STARTED_MS = "startedMs";
    /** Row column: when the task's outcome was settled (ms from the run's start). */
    public static final String FINISHED_MS = "finishedMs";
    /** Row column: when the consumer received the result (ms from the run's start). */
    public static final String RECEIVED_MS = "receivedMs";
    /** Row column: {@code success}, {@code failure}, {@code cancelled} or {@code timed out}. */
    public static final String OUTCOME = "outcome";
    /** Row column: the value's text, or the exception's for a failure, cut to 80 characters. */
    public static final String RESULT = "result";
    /** Summary column: how many results the consumer received ({@code int}). */
    public static final String DELIVERED = "delivered";
    /** Summary column: how many of them were successes ({@code int}). */
    public static final String SUCCEEDED = "succeeded";
    /** Summary column: time to the first result the consumer received (ms). */
    public static final String FIRST_MS = "firstMs";
    /** Summary column: time until the consumer had received the last result (ms). */
    public static final String TOTAL_MS = "totalMs";
    /** Summary column: how long a finished result waited, on average, before the consumer got it (ms). */
    public static final String MEAN_WAIT_MS = "meanWaitMs";
    /** Summary column: pairs received in the opposite order of their creation ({@code long}); see {@link KendallTau}. */
    public static final String KENDALL_DISTANCE = "kendallDistance";
    /** Summary column: that distance divided by the number of pairs, 0 (creation order) to 1 (reversed). */
    public static final String KENDALL_NORMALIZED = "kendallNormalized";

    private static final Map<String, ColumnType> ROW_COLUMNS = columns(RUN, ColumnType.LONG,
            STRATEGY, ColumnType.STRING, TASKS, ColumnType.INTEGER, INDEX, ColumnType.INTEGER,
            TASK, ColumnType.STRING, ARRIVAL, ColumnType.INTEGER, STARTED_MS, ColumnType.DOUBLE,
            FINISHED_MS, ColumnType.DOUBLE, RECEIVED_MS, ColumnType.DOUBLE, OUTCOME, ColumnType.STRING,
            RESULT, ColumnType.STRING);
    private static final Map<String, ColumnType> SUMMARY_COLUMNS = columns(RUN, ColumnType.LONG,
            STRATEGY, ColumnType.STRING, TASKS, ColumnType.INTEGER, DELIVERED, ColumnType.INTEGER,
            SUCCEEDED, ColumnType.INTEGER, FIRST_MS, ColumnType.DOUBLE, TOTAL_MS, ColumnType.DOUBLE,
            MEAN_WAIT_MS, ColumnType.DOUBLE, KENDALL_DISTANCE, ColumnType.LONG, KENDALL_NORMALIZED, ColumnType.DOUBLE);
    private static final String SUCCESS = "success";
    private static final int RESULT_WIDTH = 80;

    private RunTables() {
    }

    /**
     * One row per received task, runs in the given order, each run's rows in arrival order. Columns: {@link #RUN},
     * {@link #STRATEGY}, {@link #TASKS}, {@link #INDEX}, {@link #TASK}, {@link #ARRIVAL}, {@link #STARTED_MS},
     * {@link #FINISHED_MS}, {@link #RECEIVED_MS}, {@link #OUTCOME}, {@link #RESULT}.
     *
     * @throws NullPointerException if {@code runs} or one of its elements is null
     */
    public static Table rows(Collection<RecordedRun> runs) {
        Objects.requireNonNull(runs, "runs");
        LongColumn run = LongColumn.create(RUN);
        StringColumn strategy = StringColumn.create(STRATEGY);
        IntColumn tasks = IntColumn.create(TASKS);
        IntColumn index = IntColumn.create(INDEX);
        StringColumn task = StringColumn.create(TASK);
        IntColumn arrival = IntColumn.create(ARRIVAL);
        DoubleColumn started = DoubleColumn.create(STARTED_MS);
        DoubleColumn finished = DoubleColumn.create(FINISHED_MS);
        DoubleColumn received = DoubleColumn.create(RECEIVED_MS);
        StringColumn outcome = StringColumn.create(OUTCOME);
        StringColumn result = StringColumn.create(RESULT);
        for (RecordedRun recorded : runs) {
            Objects.requireNonNull(recorded, "runs holds a null run");
            List<Completion<?>> byArrival = new ArrayList<>(recorded.completions());
            byArrival.sort(Comparator.comparingInt(Completion::arrival));
            for (Completion<?> done : byArrival) {
                run.append(recorded.id());
                strategy.append(recorded.strategy());
                tasks.append(recorded.taskCount());
                index.append(done.index());
                task.append(done.name());
                arrival.append(done.arrival());
                started.append(done.started().map(RunTables::millis).orElse(Double.NaN));
                finished.append(millis(done.finished()));
                received.append(millis(done.received()));
                outcome.append(outcomeName(done.outcome()));
                result.append(resultText(done.outcome()));
            }
        }
        return Table.create("runs", run, strategy, tasks, index, task, arrival, started, finished, received,
                outcome, result);
    }

    /**
     * One row per run found in {@code rows} (a table from {@link #rows}, possibly appended or filtered), in order
     * of first appearance. Columns: {@link #RUN}, {@link #STRATEGY}, {@link #TASKS}, {@link #DELIVERED},
     * {@link #SUCCEEDED}, {@link #FIRST_MS}, {@link #TOTAL_MS}, {@link #MEAN_WAIT_MS}, {@link #KENDALL_DISTANCE},
     * {@link #KENDALL_NORMALIZED}. The Kendall distance compares the order the results arrived in with their
     * creation order (only among the results received).
     *
     * @throws NullPointerException     if {@code rows} is null
     * @throws IllegalArgumentException if {@code rows} lacks a column of {@link #rows}, or has one of another type
     */
    public static Table summary(Table rows) {
        checkRows(rows);
        Map<Long, List<Integer>> byRun = new LinkedHashMap<>();
        LongColumn runs = rows.longColumn(RUN);
        for (int r = 0; r < rows.rowCount(); r++) {
            byRun.computeIfAbsent(runs.get(r), id -> new ArrayList<>()).add(r);
        }
        IntColumn index = rows.intColumn(INDEX);
        IntColumn arrival = rows.intColumn(ARRIVAL);
        DoubleColumn finished = rows.doubleColumn(FINISHED_MS);
        DoubleColumn received = rows.doubleColumn(RECEIVED_MS);
        StringColumn outcome = rows.stringColumn(OUTCOME);

        LongColumn run = LongColumn.create(RUN);
        StringColumn strategy = StringColumn.create(STRATEGY);
        IntColumn tasks = IntColumn.create(TASKS);
        IntColumn delivered = IntColumn.create(DELIVERED);
        IntColumn succeeded = IntColumn.create(SUCCEEDED);
        DoubleColumn first = DoubleColumn.create(FIRST_MS);
        DoubleColumn total = DoubleColumn.create(TOTAL_MS);
        DoubleColumn meanWait = DoubleColumn.create(MEAN_WAIT_MS);
        LongColumn distance = LongColumn.create(KENDALL_DISTANCE);
        DoubleColumn normalized = DoubleColumn.create(KENDALL_NORMALIZED);
        for (var group : byRun.entrySet()) {
            List<Integer> members = new ArrayList<>(group.getValue());
            members.sort(Comparator.comparingInt(arrival::getInt));
            int firstRow = members.get(0);
            double earliest = Double.POSITIVE_INFINITY, latest = Double.NEGATIVE_INFINITY, waited = 0;
            int successes = 0;
            int[] order = new int[members.size()];
            for (int k = 0; k < order.length; k++) {
                int r = members.get(k);
                order[k] = index.getInt(r);
                earliest = Math.min(earliest, received.getDouble(r));
                latest = Math.max(latest, received.getDouble(r));
                waited += received.getDouble(r) - finished.getDouble(r);
                if (SUCCESS.equals(outcome.get(r))) {
                    successes++;
                }
            }
            run.append(group.getKey());
            strategy.append(rows.stringColumn(STRATEGY).get(firstRow));
            tasks.append(rows.intColumn(TASKS).getInt(firstRow));
            delivered.append(order.length);
            succeeded.append(successes);
            first.append(earliest);
            total.append(latest);
            meanWait.append(waited / order.length);
            distance.append(KendallTau.distance(order));
            normalized.append(KendallTau.normalized(order));
        }
        return Table.create("summary", run, strategy, tasks, delivered, succeeded, first, total, meanWait,
                distance, normalized);
    }

    /**
     * Checks that {@code table} has every column of {@link #rows}, with the same types.
     *
     * @throws NullPointerException     if {@code table} is null
     * @throws IllegalArgumentException naming the missing or mistyped columns
     */
    public static void checkRows(Table table) {
        check(table, ROW_COLUMNS, "a table of rows (RunTables.rows or Recorder.table())");
    }

    /**
     * Checks that {@code table} has every column of {@link #summary}, with the same types.
     *
     * @throws NullPointerException     if {@code table} is null
     * @throws IllegalArgumentException naming the missing or mistyped columns
     */
    public static void checkSummary(Table table) {
        check(table, SUMMARY_COLUMNS, "a summary table (RunTables.summary or Recorder.summary())");
    }

    /** {@code success}, {@code failure}, {@code cancelled} or {@code timed out}: the {@link #OUTCOME} values. */
    public static String outcomeName(Outcome<?> outcome) {
        return switch (outcome) {
            case Outcome.Success<?> s -> SUCCESS;
            case Outcome.Failure<?> f -> "failure";
            case Outcome.Cancelled<?> c -> "cancelled";
            case Outcome.TimedOut<?> t -> "timed out";
        };
    }

    private static void check(Table table, Map<String, ColumnType> columns, String kind) {
        Objects.requireNonNull(table, "table");
        List<String> problems = new ArrayList<>();
        for (var column : columns.entrySet()) {
            String name = column.getKey();
            ColumnType expected = column.getValue();
            if (!table.containsColumn(name)) {
                problems.add("missing " + name);
            } else if (!table.column(name).type().equals(expected)) {
                problems.add(name + " is " + table.column(name).type().name() + ", not " + expected.name());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("expected " + kind + " with columns " + columns.keySet() + ", but table '"
                    + table.name() + "' has " + table.columnNames() + ": " + String.join("; ", problems));
        }
    }

    private static Map<String, ColumnType> columns(Object... nameTypePairs) {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            columns.put((String) nameTypePairs[i], (ColumnType) nameTypePairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(columns);
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static String resultText(Outcome<?> outcome) {
        String text = switch (outcome) {
            case Outcome.Success<?> s -> String.valueOf(s.value());
            case Outcome.Failure<?> f -> f.exception().toString();
            case Outcome.Cancelled<?> c -> "";
            case Outcome.TimedOut<?> t -> "";
        };
        return text.length() <= RESULT_WIDTH ? text : text.substring(0, RESULT_WIDTH - 3) + "...";
    }
}
