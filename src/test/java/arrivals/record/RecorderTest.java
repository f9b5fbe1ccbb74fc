package arrivals.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arrivals.AsCompleted;
import arrivals.Gather;
import arrivals.Task;
import arrivals.simulate.Delays;
import arrivals.simulate.Fetcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tech.tablesaw.api.Table;

@Timeout(60)
class RecorderTest {
    // Spaced 150 ms apart, so the finishing order can't be disturbed by scheduling noise.
    static final Delays DELAYS = Delays.ofMillis(450, 150, 300);
    static final List<Task<String>> TASKS = Fetcher.realTime().quiet().tasks(3, DELAYS);
    static Recorder recorder;
    static Table rows;
    static Table summary;

    @BeforeAll
    static void recordOneRunOfEach() throws Exception {
        recorder = new Recorder();
        Gather.settled(TASKS, recorder.options());
        try (var results = AsCompleted.of(TASKS, recorder.options())) {
            results.forEach(done -> { });
        }
        rows = recorder.table();
        summary = recorder.summary();
    }

    @Test
    void oneRowPerTaskAndRunWithTheDocumentedColumns() {
        assertEquals(List.of(RunTables.RUN, RunTables.STRATEGY, RunTables.TASKS, RunTables.INDEX, RunTables.TASK,
                RunTables.ARRIVAL, RunTables.STARTED_MS, RunTables.FINISHED_MS, RunTables.RECEIVED_MS,
                RunTables.OUTCOME, RunTables.RESULT), rows.columnNames());
        assertEquals(6, rows.rowCount());
        assertEquals(List.of("gather", "as-completed"), recorder.runs().stream().map(RecordedRun::strategy).toList());
        for (int r = 0; r < rows.rowCount(); r++) {
            int index = rows.intColumn(RunTables.INDEX).getInt(r);
            assertEquals(Fetcher.sourceName("API", index), rows.stringColumn(RunTables.TASK).get(r));
            assertEquals(Fetcher.reply(Fetcher.sourceName("API", index)), rows.stringColumn(RunTables.RESULT).get(r));
            assertEquals("success", rows.stringColumn(RunTables.OUTCOME).get(r));
            assertEquals(3, rows.intColumn(RunTables.TASKS).getInt(r));
            double started = rows.doubleColumn(RunTables.STARTED_MS).getDouble(r);
            double finished = rows.doubleColumn(RunTables.FINISHED_MS).getDouble(r);
            double received = rows.doubleColumn(RunTables.RECEIVED_MS).getDouble(r);
            assertTrue(0 <= started && started <= finished && finished <= received, "row " + r);
            // Each task slept its delay between its start and its finish.
            assertTrue(finished - started >= DELAYS.get(index).toMillis() - 1, "row " + r);
        }
    }

    @Test
    void gatherLandsOnTheDiagonalAllAtOnceAfterTheSlowestTask() {
        Table gather = rows.where(rows.stringColumn(RunTables.STRATEGY).isEqualTo("gather"));
        double lastFinish = gather.doubleColumn(RunTables.FINISHED_MS).max();
        for (int r = 0; r < gather.rowCount(); r++) {
            assertEquals(gather.intColumn(RunTables.INDEX).getInt(r), gather.intColumn(RunTables.ARRIVAL).getInt(r));
            assertEquals(gather.doubleColumn(RunTables.RECEIVED_MS).getDouble(0),
                    gather.doubleColumn(RunTables.RECEIVED_MS).getDouble(r));
            assertTrue(gather.doubleColumn(RunTables.RECEIVED_MS).getDouble(r) >= lastFinish);
        }
    }

    @Test
    void asCompletedArrivesInTheOrderOfTheDelays() {
        Table asCompleted = rows.where(rows.stringColumn(RunTables.STRATEGY).isEqualTo("as-completed"));
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < asCompleted.rowCount(); r++) {
            assertEquals(r, asCompleted.intColumn(RunTables.ARRIVAL).getInt(r), "rows come in arrival order");
            order.add(asCompleted.intColumn(RunTables.INDEX).getInt(r));
        }
        assertEquals(DELAYS.finishingOrder(3), order);
        assertEquals(order, recorder.last().arrivalOrder());
    }

    @Test
    void theSummaryHasOneRowPerRunWithItsFactsAndTau() {
        assertEquals(2, summary.rowCount());
        assertEquals("gather", summary.stringColumn(RunTables.STRATEGY).get(0));
        assertEquals("as-completed", summary.stringColumn(RunTables.STRATEGY).get(1));
        for (int r = 0; r < 2; r++) {
            assertEquals(3, summary.intColumn(RunTables.DELIVERED).getInt(r));
            assertEquals(3, summary.intColumn(RunTables.SUCCEEDED).getInt(r));
            assertEquals(3, summary.intColumn(RunTables.TASKS).getInt(r));
        }
        // gather: the first result comes when the last does, in creation order.
        assertEquals(summary.doubleColumn(RunTables.FIRST_MS).getDouble(0),
                summary.doubleColumn(RunTables.TOTAL_MS).getDouble(0));
        assertEquals(0L, summary.longColumn(RunTables.KENDALL_DISTANCE).get(0));
        assertEquals(0.0, summary.doubleColumn(RunTables.KENDALL_NORMALIZED).getDouble(0));
        // as-completed: the first result comes with the shortest delay, long before gather's.
        assertTrue(summary.doubleColumn(RunTables.FIRST_MS).getDouble(1)
                < summary.doubleColumn(RunTables.FIRST_MS).getDouble(0));
        assertTrue(summary.doubleColumn(RunTables.FIRST_MS).getDouble(1)
                < summary.doubleColumn(RunTables.TOTAL_MS).getDouble(1));
        // Finished results wait for gather's caller, not for as-completed's.
        assertTrue(summary.doubleColumn(RunTables.MEAN_WAIT_MS).getDouble(1)
                < summary.doubleColumn(RunTables.MEAN_WAIT_MS).getDouble(0));
        List<Integer> expected = DELAYS.finishingOrder(3);
        long swapped = 0;
        for (int i = 0; i < expected.size(); i++) {
            for (int j = i + 1; j < expected.size(); j++) {
                swapped += expected.get(i) > expected.get(j) ? 1 : 0;
            }
        }
        assertEquals(swapped, summary.longColumn(RunTables.KENDALL_DISTANCE).get(1));
        assertEquals(swapped / 3.0, summary.doubleColumn(RunTables.KENDALL_NORMALIZED).getDouble(1), 1e-12);
    }

    @Test
    void tablesOfSeveralRecordersAppendAndSummariseTogether() throws Exception {
        Recorder other = new Recorder();
        Gather.settled(Fetcher.scaled(0.01).quiet().tasks(2, Delays.ofMillis(100, 200)), other.options());
        Table both = recorder.table().append(other.table());
        assertEquals(8, both.rowCount());
        Table summaries = RunTables.summary(both);
        assertEquals(3, summaries.rowCount());
        assertEquals(2, summaries.intColumn(RunTables.DELIVERED).getInt(2));
    }

    @Test
    void failuresAndEarlyStopsAreRecordedAsTheyHappened() throws Exception {
        Recorder local = new Recorder();
        List<Callable<String>> tasks = List.of(
                Task.of("ok", () -> "fine"),
                Task.of("broken", () -> { throw new IllegalStateException("no data today"); }));
        Gather.settled(tasks, local.options());
        Table failed = local.table();
        int broken = failed.stringColumn(RunTables.TASK).indexOf("broken");
        assertEquals("failure", failed.stringColumn(RunTables.OUTCOME).get(broken));
        assertTrue(failed.stringColumn(RunTables.RESULT).get(broken).contains("no data today"));
        assertEquals(1, local.summary().intColumn(RunTables.SUCCEEDED).getInt(0));

        local.clear();
        List<Task<String>> slowAndFast = Fetcher.realTime().quiet().tasks(2, Delays.ofMillis(20_000, 10));
        try (var results = AsCompleted.of(slowAndFast, local.options())) {
            results.iterator().next(); // take the fast one, then leave: the slow one is cancelled
        }
        RecordedRun partial = local.last();
        assertTrue(partial.ended());
        assertEquals(List.of(1), partial.arrivalOrder());
        assertEquals(1, local.summary().intColumn(RunTables.DELIVERED).getInt(0));
        assertEquals(2, local.summary().intColumn(RunTables.TASKS).getInt(0));
    }

    @Test
    void aWrongTableIsRejectedWithTheMissingColumnsNamed() {
        var wrong = assertThrows(IllegalArgumentException.class, () -> RunTables.summary(summary));
        assertTrue(wrong.getMessage().contains("missing index"), wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunTables.checkSummary(rows));
        RunTables.checkRows(rows);
        RunTables.checkSummary(summary);
        assertThrows(IllegalStateException.class, () -> new Recorder().last());
        assertFalse(new Recorder().runs().iterator().hasNext());
    }
}
