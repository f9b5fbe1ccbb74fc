package arrivals.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arrivals.AsCompleted;
import arrivals.Gather;
import arrivals.Task;
import arrivals.record.Recorder;
import arrivals.record.RunTables;
import arrivals.simulate.Delays;
import arrivals.simulate.Fetcher;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.Table;

@Timeout(60)
class StepAndSweepChartTest {
    static final List<Task<String>> TASKS = Fetcher.scaled(0.02).quiet().tasks(6, Delays.ofSeconds(3, 1, 5, 2, 6, 4));
    static Recorder recorder;

    @BeforeAll
    static void recordBothStrategies() throws Exception {
        System.setProperty("java.awt.headless", "true");
        recorder = new Recorder();
        try (var results = AsCompleted.of(TASKS, recorder.options())) {
            results.forEach(done -> { });
        }
        Gather.all(TASKS, recorder.options());
    }

    @Test
    void eachLineSaysWhenTheFirstResultCameAndHowLongAResultTookOnAverage() {
        Table rows = recorder.table();
        StepChart chart = StepChart.of(rows);
        for (String strategy : List.of("as-completed", "gather")) {
            double[] received = rows.where(rows.stringColumn(RunTables.STRATEGY).isEqualTo(strategy))
                    .doubleColumn(RunTables.RECEIVED_MS).asDoubleArray();
            StepChart.Line line = chart.line(strategy);
            assertEquals(6, line.results());
            assertEquals(Arrays.stream(received).min().orElseThrow(), line.blankScreenMs(), 1e-9);
            assertEquals(Arrays.stream(received).average().orElseThrow(), line.meanWaitMs(), 1e-9);
            assertEquals(Arrays.stream(received).max().orElseThrow(), line.lastMs(), 1e-9);
        }
        assertTrue(chart.line("as-completed").blankScreenMs() < chart.line("gather").blankScreenMs());
        assertThrows(IllegalArgumentException.class, () -> chart.line("no such strategy"));
    }

    @Test
    void theStaircaseClimbsOneStepPerResultAtItsReceiptTime() {
        StepChart chart = StepChart.of(recorder);
        XYSeries series = chart.panels().get(0).getSeriesMap().values().iterator().next();
        double[] y = series.getYData();
        assertEquals(0, y[0]);
        assertEquals(6, y[y.length - 1]);
        for (int k = 1; k < y.length; k++) {
            assertTrue(y[k] - y[k - 1] == 0 || y[k] - y[k - 1] == 1, "a step is one result");
        }
        BufferedImage image = chart.image();
        assertEquals(chart.width(), image.getWidth());
    }

    @Test
    void aSweepChartDrawsOneLinePerWayAndRefusesMismatchedData() {
        SweepChart chart = SweepChart.of("t", "p", "ms")
                .add("gather, then process", new double[] {0, 10}, new double[] {100, 160})
                .add("as-completed, handing each result to a pool", new double[] {0, 10}, new double[] {100, 110});
        assertEquals(2, chart.panels().get(0).getSeriesMap().size());
        assertArrayEquals(new double[] {100, 160}, chart.panels().get(0).getSeriesMap().get("gather, then process").getYData());
        assertEquals(Style.GATHER, chart.panels().get(0).getSeriesMap().get("gather, then process").getLineColor());
        assertThrows(IllegalArgumentException.class, () -> chart.add("x", new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> chart.add("gather, then process", new double[] {1}, new double[] {1}));
        assertEquals(chart.height(), chart.image().getHeight());
    }
}
