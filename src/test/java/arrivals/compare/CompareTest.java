package arrivals.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arrivals.Options;
import arrivals.RunInfo;
import arrivals.RunListener;
import arrivals.Task;
import arrivals.record.RecordedRun;
import arrivals.record.RunTables;
import arrivals.simulate.Delays;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CompareTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void oneCallReallyRunsBothStrategiesOnTheSameTasks() throws Exception {
        AtomicInteger[] calls = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < calls.length; i++) {
            int index = i;
            tasks.add(Task.of("t" + i, () -> {
                calls[index].incrementAndGet();
                Thread.sleep(10L * (3 - index));
                return index;
            }));
        }
        AtomicInteger seenByOwnListener = new AtomicInteger();
        RunListener own = new RunListener() {
            @Override
            public void runStarted(RunInfo run) {
                seenByOwnListener.incrementAndGet();
            }
        };
        Compare compare = Compare.of(tasks, Options.defaults().listener(own), 2);
        for (AtomicInteger count : calls) {
            assertEquals(4, count.get(), "each task ran once per strategy per round");
        }
        assertEquals(List.of("gather", "as-completed", "gather", "as-completed"),
                compare.recorder().runs().stream().map(RecordedRun::strategy).toList());
        assertEquals(4, seenByOwnListener.get(), "the caller's listener saw every run too");
        assertEquals(12, compare.table().rowCount());
        assertEquals(4, compare.summary().rowCount());
        assertEquals(2, compare.summaryChart().panels().get(0).getSeriesMap().size());
    }

    @Test
    void simulatedComparisonGivesTablesAndCharts() throws Exception {
        Delays delays = Delays.ofMillis(300, 100, 200);
        Compare compare = Compare.simulated(3, delays);
        var summary = compare.summary();
        assertEquals(List.of("gather", "as-completed"), summary.stringColumn(RunTables.STRATEGY).asList());
        assertEquals(delays.finishingOrder(3), compare.recorder().last().arrivalOrder());
        assertEquals(0L, summary.longColumn(RunTables.KENDALL_DISTANCE).get(0));
        assertEquals(2, compare.timelineChart().panels().size());
        assertTrue(compare.toString().contains("as-completed"));
    }

    @Test
    void badArgumentsAreNamed() {
        var rounds = assertThrows(IllegalArgumentException.class, () -> Compare.of(List.of(), Options.defaults(), 0));
        assertTrue(rounds.getMessage().contains("rounds"), rounds.getMessage());
        List<Task<String>> withNull = new ArrayList<>();
        withNull.add(null);
        var nul = assertThrows(NullPointerException.class, () -> Compare.of(withNull));
        assertTrue(nul.getMessage().contains("tasks[0]"), nul.getMessage());
    }
}
