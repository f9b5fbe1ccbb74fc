package arrivals.chart;

import arrivals.record.Recorder;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Results in hand against time: what a user waiting for a screen to fill up sees. Gather is one step at the
 * end; as-completed is a staircase that starts at the fastest task.
 *
 * <pre>{@code
 * display(StepChart.of(recorder).image());
 * for (StepChart.Line line : StepChart.of(recorder).lines()) {
 *     System.out.println(line.label() + ": blank screen " + line.blankScreenMs() + " ms");
 * }
 * }</pre>
 *
 * <p>One line per run, all in one panel (x = milliseconds from the run's start, y = how many results the
 * consumer had received by then). Two numbers summarise each line, and its legend entry shows them:
 * {@link Line#blankScreenMs()}, how long the consumer had nothing at all (the time to the first result), and
 * {@link Line#meanWaitMs()}, how long a result took on average to reach the consumer, counted from the start of
 * the run (the area above the staircase, divided by the number of results).
 */
public final class StepChart extends ChartImage {
    private static final int WIDTH = 800, HEIGHT = 440;

    /**
     * One run's staircase in numbers.
     *
     * @param label         the run's name in the legend: its strategy, or {@code "gather (run 3)"} if a strategy
     *                      has several runs
     * @param strategy      {@code "gather"} or {@code "as-completed"}
     * @param results       how many results the consumer received
     * @param blankScreenMs when the first result was received (ms from the start of the run)
     * @param meanWaitMs    the mean receipt time over all results (ms from the start of the run)
     * @param lastMs        when the last result was received
     */
    public record Line(String label, String strategy, int results, double blankScreenMs, double meanWaitMs,
                       double lastMs) {
    }

    private final XYChart panel;
    private final List<Line> lines;

    private StepChart(int width, int height, XYChart panel, List<Line> lines) {
        super(width, height, 1);
        this.panel = panel;
        this.lines = List.copyOf(lines);
    }

    /**
     * The step chart of every run in {@code rows} (a table from {@link Recorder#table()} or
     * {@link arrivals.record.RunTables#rows}), 800 x 440 pixels.
     *
     * @throws NullPointerException     if {@code rows} is null
     * @throws IllegalArgumentException if {@code rows} is not a row table
     */
    public static StepChart of(Table rows) {
        return of(rows, WIDTH, HEIGHT);
    }

    /** The step chart of every run {@code recorder} has recorded. */
    public static StepChart of(Recorder recorder) {
        return of(Objects.requireNonNull(recorder, "recorder").table());
    }

    /**
     * Like {@link #of(Table)}, {@code width} by {@code height} pixels.
     *
     * @throws IllegalArgumentException if the size is below 200 x 150
     */
    public static StepChart of(Table rows, int width, int height) {
        checkSize(width, height);
        List<RunRows> runs = RunRows.split(rows);
        Map<String, Integer> perStrategy = new HashMap<>();
        runs.forEach(run -> perStrategy.merge(run.strategy(), 1, Integer::sum));
        double end = 1;
        int most = 1;
        for (RunRows run : runs) {
            end = Math.max(end, run.lastReceivedMs());
            most = Math.max(most, run.size());
        }
        XYChart panel = new XYChart(width, height);
        Style.apply(panel.getStyler());
        panel.setTitle("Results in hand over time");
        panel.setXAxisTitle("ms from the start of the run");
        panel.setYAxisTitle("results received");
        var styler = panel.getStyler();
        styler.setXAxisMin(0.0).setXAxisMax(end * 1.08).setYAxisMin(0.0).setYAxisMax(most + 0.5);
        styler.setXAxisDecimalPattern("#,##0").setYAxisDecimalPattern("#,##0");
        styler.setPlotGridVerticalLinesVisible(true);
        styler.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        styler.setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> repeats = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            RunRows run = runs.get(i);
            String label = perStrategy.get(run.strategy()) > 1 ? run.label() : run.strategy();
            Line line = line(label, run);
            lines.add(line);
            int repeat = repeats.merge(run.strategy(), 1, Integer::sum) - 1;
            addSteps(panel, run, line, end * 1.08, Style.shade(Style.of(run.strategy(), i), repeat));
        }
        return new StepChart(width, height, panel, lines);
    }

    /** The numbers of each run, in the order the runs appear in the table. */
    public List<Line> lines() {
        return lines;
    }

    /** The line of the first run of {@code strategy}. */
    public Line line(String strategy) {
        return lines.stream().filter(l -> l.strategy().equals(strategy)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run of strategy " + strategy));
    }

    @Override
    public List<XYChart> panels() {
        return List.of(panel);
    }

    private static Line line(String label, RunRows run) {
        double sum = 0;
        for (double r : run.receivedMs()) {
            sum += r;
        }
        double mean = run.size() == 0 ? Double.NaN : sum / run.size();
        double first = run.size() == 0 ? Double.NaN : run.firstReceivedMs();
        return new Line(label, run.strategy(), run.size(), first, mean, run.lastReceivedMs());
    }

    private static void addSteps(XYChart panel, RunRows run, Line line, double end, java.awt.Color color) {
        double[] received = run.receivedMs().clone();
        java.util.Arrays.sort(received);
        List<Double> x = new ArrayList<>(), y = new ArrayList<>();
        x.add(0.0);
        y.add(0.0);
        for (int k = 0; k < received.length; k++) {
            x.add(received[k]);
            y.add((double) k);
            x.add(received[k]);
            y.add((double) k + 1);
        }
        x.add(end);
        y.add((double) received.length);
        String name = String.format(Locale.ROOT, "%s: blank screen %.0f ms, mean wait per result %.0f ms",
                line.label(), line.blankScreenMs(), line.meanWaitMs());
        XYSeries series = panel.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(2.6f));
    }
}
