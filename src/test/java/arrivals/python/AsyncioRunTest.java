package arrivals.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arrivals.record.RunTables;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Both paths of the Python runner: a real python3 (CI has one), and a machine without it. */
class AsyncioRunTest {
    private static final List<Duration> DELAYS =
            List.of(Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(200));

    @Test
    void aMissingPythonGivesNothingInsteadOfAnError() throws Exception {
        assertFalse(AsyncioRun.available("no-such-python-for-arrivals"));
        assertEquals(Optional.empty(), AsyncioRun.rows("no-such-python-for-arrivals", AsyncioRun.AS_COMPLETED, DELAYS));
    }

    @Test
    void asCompletedRowsComeInFinishingOrder() throws Exception {
        Assumptions.assumeTrue(AsyncioRun.available("python3"), "python3 is not installed");
        Table rows = AsyncioRun.rows("python3", AsyncioRun.AS_COMPLETED, DELAYS).orElseThrow();
        RunTables.checkRows(rows);
        assertEquals(List.of(1, 2, 0), rows.intColumn(RunTables.INDEX).asList());
        assertEquals("asyncio as_completed", rows.stringColumn(RunTables.STRATEGY).get(0));
        for (int row = 0; row < rows.rowCount(); row++) {
            double delay = DELAYS.get(rows.intColumn(RunTables.INDEX).get(row)).toMillis();
            assertTrue(rows.doubleColumn(RunTables.FINISHED_MS).get(row) >= delay, "a task finished before its timer");
        }
    }

    @Test
    void gatherHandsEveryResultOverAtOnceInInputOrder() throws Exception {
        Assumptions.assumeTrue(AsyncioRun.available("python3"), "python3 is not installed");
        Table rows = AsyncioRun.rows("python3", AsyncioRun.GATHER, DELAYS).orElseThrow();
        assertEquals(List.of(0, 1, 2), rows.intColumn(RunTables.INDEX).asList());
        assertEquals(1, rows.doubleColumn(RunTables.RECEIVED_MS).unique().size(), "gather received all at one moment");
        assertTrue(rows.doubleColumn(RunTables.RECEIVED_MS).get(0) >= 300);
    }

    @Test
    void unexpectedOutputIsAnError() {
        assertThrows(IllegalStateException.class, () -> AsyncioRun.parse("0 1.0 2.0\n", "x", 1));
        assertThrows(IllegalStateException.class, () -> AsyncioRun.parse("0 1.0 2.0 3.0\n", "x", 2));
        assertThrows(IllegalArgumentException.class, () -> AsyncioRun.rows("python3", "wait", DELAYS));
    }
}
