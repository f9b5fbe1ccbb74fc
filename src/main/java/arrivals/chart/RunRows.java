package arrivals.chart;

import arrivals.record.RunTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/** The rows of one run, taken out of a row table (see {@link RunTables#rows}), in arrival order. */
record RunRows(long run, String strategy, int tasks, int[] index, int[] arrival, double[] startedMs,
               double[] finishedMs, double[] receivedMs, String[] outcome) {

    /** Splits {@code rows} by run, keeping the order in which runs first appear. */
    static List<RunRows> split(Table rows) {
        RunTables.checkRows(rows);
        Map<Long, List<Integer>> byRun = new LinkedHashMap<>();
        for (int r = 0; r < rows.rowCount(); r++) {
            byRun.computeIfAbsent(rows.longColumn(RunTables.RUN).get(r), id -> new ArrayList<>()).add(r);
        }
        List<RunRows> runs = new ArrayList<>(byRun.size());
        for (var group : byRun.entrySet()) {
            List<Integer> members = new ArrayList<>(group.getValue());
            members.sort((a, b) -> Integer.compare(rows.intColumn(RunTables.ARRIVAL).getInt(a),
                    rows.intColumn(RunTables.ARRIVAL).getInt(b)));
            int n = members.size();
            int[] index = new int[n], arrival = new int[n];
            double[] started = new double[n], finished = new double[n], received = new double[n];
            String[] outcome = new String[n];
            int tasks = 0;
            for (int k = 0; k < n; k++) {
                int r = members.get(k);
                index[k] = rows.intColumn(RunTables.INDEX).getInt(r);
                arrival[k] = rows.intColumn(RunTables.ARRIVAL).getInt(r);
                started[k] = rows.doubleColumn(RunTables.STARTED_MS).getDouble(r);
                finished[k] = rows.doubleColumn(RunTables.FINISHED_MS).getDouble(r);
                received[k] = rows.doubleColumn(RunTables.RECEIVED_MS).getDouble(r);
                outcome[k] = rows.stringColumn(RunTables.OUTCOME).get(r);
                tasks = Math.max(tasks, rows.intColumn(RunTables.TASKS).getInt(r));
            }
            int first = members.get(0);
            runs.add(new RunRows(group.getKey(), rows.stringColumn(RunTables.STRATEGY).get(first), tasks,
                    index, arrival, started, finished, received, outcome));
        }
        return runs;
    }

    /** {@code "gather (run 3)"}: how panels and series name a run. */
    String label() {
        return strategy + " (run " + run + ")";
    }

    int size() {
        return index.length;
    }

    double firstReceivedMs() {
        double min = Double.POSITIVE_INFINITY;
        for (double r : receivedMs) {
            min = Math.min(min, r);
        }
        return min;
    }

    double lastReceivedMs() {
        double max = 0;
        for (double r : receivedMs) {
            max = Math.max(max, r);
        }
        return max;
    }
}
