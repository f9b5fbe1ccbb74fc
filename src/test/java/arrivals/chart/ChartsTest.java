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
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.Table;

@Timeout(60)
class ChartsTest {
    static final List<Task<String>> TASKS = Fetcher.scaled(0.05).quiet().tasks(12, Delays.uniformSeconds(1, 5, 42));
    static Recorder recorder;

    @BeforeAll
    static void recordGatherAndAsCompleted() throws Exception {
        System.setProperty("java.awt.headless", "true");
        assertTrue(GraphicsEnvironment.isHeadless(), "these tests must prove rendering works without a display");
        recorder = new Recorder();
        Gather.settled(TASKS, recorder.options());
        try (var results = AsCompleted.of(TASKS, recorder.options())) {
            results.forEach(done -> { });
        }
    }

    @Test
    void everyChartRendersHeadlessToANonEmptyImageOfItsSize() {
        for (ChartImage chart : List.of(ArrivalChart.of(recorder), TimelineChart.of(recorder),
                SummaryChart.of(recorder), ArrivalChart.of(recorder.table(), 640, 400))) {
            BufferedImage image = chart.image();
            assertEquals(chart.width(), image.getWidth());
            assertEquals(chart.height(), image.getHeight());
            assertTrue(inkFraction(image) > 0.02, chart.getClass().getSimpleName() + " drew next to nothing");
        }
        ArrivalChart arrivals = ArrivalChart.of(recorder);
        assertEquals(800, arrivals.width(), "sized for a notebook");
        assertThrows(IllegalArgumentException.class, () -> ArrivalChart.of(recorder.table(), 50, 50));
    }

    @Test
    void theArrivalChartPlotsExactlyTheTable() {
        Table rows = recorder.table();
        ArrivalChart chart = ArrivalChart.of(rows);
        assertEquals(1, chart.panels().size(), "two runs share one panel");
        XYChart panel = chart.panels().get(0);
        for (var run : recorder.runs()) {
            Table own = rows.where(rows.longColumn(RunTables.RUN).isEqualTo(run.id()));
            XYSeries series = panel.getSeriesMap().get(run.strategy() + " (run " + run.id() + ")");
            assertArrayEquals(own.intColumn(RunTables.INDEX).asDoubleArray(), series.getXData());
            assertArrayEquals(own.intColumn(RunTables.ARRIVAL).asDoubleArray(), series.getYData());
        }
        XYSeries diagonal = panel.getSeriesMap().get(ArrivalChart.DIAGONAL);
        assertArrayEquals(new double[] {0, TASKS.size() - 1}, diagonal.getXData());
        assertArrayEquals(diagonal.getXData(), diagonal.getYData());
        assertEquals(3, panel.getSeriesMap().size());
    }

    @Test
    void manyRunsBecomeSmallMultiples() throws Exception {
        Recorder many = new Recorder();
        List<Task<String>> quick = Fetcher.scaled(0.01).quiet().tasks(5, Delays.uniformSeconds(1, 5, 1));
        for (int i = 0; i < 3; i++) {
            Gather.settled(quick, many.options());
            try (var results = AsCompleted.of(quick, many.options())) {
                results.forEach(done -> { });
            }
        }
        ArrivalChart arrivals = ArrivalChart.of(many);
        assertEquals(6, arrivals.panels().size());
        assertEquals(many.runs().get(0).strategy() + " (run " + many.runs().get(0).id() + ")",
                arrivals.panels().get(0).getTitle());
        BufferedImage image = arrivals.image();
        assertEquals(arrivals.height(), image.getHeight());
        assertTrue(inkFraction(image) > 0.02);
        assertEquals(6, TimelineChart.of(many).panels().size());
    }

    @Test
    void theTimelineMarksEachReceiptAndSharesOneTimeAxis() {
        Table rows = recorder.table();
        TimelineChart chart = TimelineChart.of(rows);
        assertEquals(2, chart.panels().size());
        double end = rows.doubleColumn(RunTables.RECEIVED_MS).max();
        for (int p = 0; p < 2; p++) {
            var run = recorder.runs().get(p);
            Table own = rows.where(rows.longColumn(RunTables.RUN).isEqualTo(run.id()));
            XYChart panel = chart.panels().get(p);
            XYSeries received = panel.getSeriesMap().get(TimelineChart.RECEIVED);
            assertArrayEquals(own.doubleColumn(RunTables.RECEIVED_MS).asDoubleArray(), received.getXData());
            assertArrayEquals(own.intColumn(RunTables.INDEX).asDoubleArray(), received.getYData());
            // One bar per task: start, finish, and a NaN lifting the pen.
            XYSeries bars = panel.getSeriesMap().get(TimelineChart.RUNNING);
            assertEquals(3 * TASKS.size(), bars.getXData().length);
            assertEquals(TASKS.size(), Arrays.stream(bars.getYData()).filter(Double::isNaN).count());
            assertTrue(panel.getStyler().getXAxisMax() >= end, "every panel reaches the latest receipt");
        }
        assertTrue(chart.panels().get(0).getSeriesMap().containsKey(TimelineChart.WAITING),
                "gather's results wait for the slowest task");
    }

    @Test
    void theSummaryChartShowsTheMeansPerStrategy() {
        Table summary = recorder.summary();
        SummaryChart chart = SummaryChart.of(summary);
        var first = chart.panels().get(0).getSeriesMap().get(SummaryChart.FIRST);
        assertEquals(List.of("gather", "as-completed"), first.getXData());
        List<Double> plotted = first.getYData().stream().map(Number::doubleValue).toList();
        assertEquals(List.of(summary.doubleColumn(RunTables.FIRST_MS).getDouble(0),
                summary.doubleColumn(RunTables.FIRST_MS).getDouble(1)), plotted);
        var wrong = assertThrows(IllegalArgumentException.class, () -> SummaryChart.of(recorder.table()));
        assertTrue(wrong.getMessage().contains("summary table"), wrong.getMessage());
    }

    @Test
    void chartsSaveAsPngFiles(@TempDir Path dir) throws Exception {
        Path file = ArrivalChart.of(recorder).save(dir.resolve("charts/arrivals.png"));
        assertTrue(Files.size(file) > 1000);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(800, back.getWidth());
    }

    @Test
    void anEmptyTableGivesAnEmptyFrameNotAnError() {
        Table none = new Recorder().table();
        assertEquals(0, none.rowCount());
        assertEquals(800, ArrivalChart.of(none).image().getWidth());
        assertEquals(800, TimelineChart.of(none).image().getWidth());
    }

    /** The share of pixels that are not white. */
    static double inkFraction(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }
}
