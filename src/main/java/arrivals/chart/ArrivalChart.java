package arrivals.chart;

import arrivals.record.Recorder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * For each run, the order in which results arrived against the order in which their tasks were created.
 * As-completed's points scatter around the diagonal, following the delays. Draw it for runs that have an arrival
 * order: gather hands every result over at one instant, so its points lie on the diagonal only because equal
 * arrival moments are listed in input order. (The course's central picture is {@link StepChart}.)
 *
 * <pre>{@code
 * Recorder recorder = new Recorder();
 * Gather.settled(tasks, recorder.options());
 * try (var results = AsCompleted.of(tasks, recorder.options())) { results.forEach(done -> { }); }
 * display(ArrivalChart.of(recorder).image());
 * }</pre>
 *
 * <p>Up to {@value #OVERLAY_LIMIT} runs share one panel, one series per run named like {@code "gather (run 3)"}
 * (x = creation index, y = arrival position, as in the table's {@code index} and {@code arrival} columns), plus
 * the dashed series {@value #DIAGONAL}. More runs get small multiples: one panel per run, three to a row.
 * Axes span the largest run's task count, so a partial run (a live view, or a consumer that stopped early)
 * keeps its final scale. An empty table gives an empty frame.
 */
public final class ArrivalChart extends ChartImage {
    /** The name of the reference series: where a result lands when it arrives in creation order. */
    public static final String DIAGONAL = "arrival order = creation order";
    /** Most runs drawn together in one panel; more are drawn as small multiples. */
    public static final int OVERLAY_LIMIT = 4;
    private static final int WIDTH = 800, OVERLAY_HEIGHT = 520, MULTIPLE_HEIGHT = 270, MULTIPLE_COLUMNS = 3;

    private final List<XYChart> panels;

    private ArrivalChart(int width, int height, int columns, List<XYChart> panels) {
        super(width, height, columns);
        this.panels = List.copyOf(panels);
    }

    /**
     * The arrival chart of every run in {@code rows} (a table from {@link Recorder#table()} or
     * {@link arrivals.record.RunTables#rows}), 800 pixels wide.
     *
     * @throws NullPointerException     if {@code rows} is null
     * @throws IllegalArgumentException if {@code rows} is not a row table
     */
    public static ArrivalChart of(Table rows) {
        List<RunRows> runs = RunRows.split(rows);
        int height = runs.size() <= OVERLAY_LIMIT ? OVERLAY_HEIGHT : multipleRows(runs.size()) * MULTIPLE_HEIGHT;
        return build(runs, WIDTH, height);
    }

    /** The arrival chart of every run {@code recorder} has recorded. */
    public static ArrivalChart of(Recorder recorder) {
        return of(Objects.requireNonNull(recorder, "recorder").table());
    }

    /**
     * Like {@link #of(Table)}, {@code width} by {@code height} pixels in all.
     *
     * @throws IllegalArgumentException if the size is below 200 x 150
     */
    public static ArrivalChart of(Table rows, int width, int height) {
        checkSize(width, height);
        return build(RunRows.split(rows), width, height);
    }

    @Override
    public List<XYChart> panels() {
        return panels;
    }

    private static ArrivalChart build(List<RunRows> runs, int width, int height) {
        int tasks = 1;
        for (RunRows run : runs) {
            tasks = Math.max(tasks, run.tasks());
        }
        if (runs.size() <= OVERLAY_LIMIT) {
            XYChart panel = frame(width, height, "Arrival order vs creation order", tasks);
            Map<String, Integer> repeats = new HashMap<>();
            for (int i = 0; i < runs.size(); i++) {
                RunRows run = runs.get(i);
                int repeat = repeats.merge(run.strategy(), 1, Integer::sum) - 1;
                addRun(panel, run, Style.shade(Style.of(run.strategy(), i), repeat), tasks);
            }
            return new ArrivalChart(width, height, 1, List.of(panel));
        }
        int rows = multipleRows(runs.size());
        List<XYChart> panels = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            RunRows run = runs.get(i);
            XYChart panel = frame(width / MULTIPLE_COLUMNS, height / rows, run.label(), tasks);
            panel.getStyler().setLegendVisible(false);
            panel.getStyler().setChartTitleFont(panel.getStyler().getChartTitleFont().deriveFont(13f));
            panel.getStyler().setAxisTitleFont(panel.getStyler().getAxisTitleFont().deriveFont(11f));
            panel.setXAxisTitle("creation order");
            panel.setYAxisTitle("arrival order");
            addRun(panel, run, Style.of(run.strategy(), i), tasks);
            panels.add(panel);
        }
        return new ArrivalChart(width, height, MULTIPLE_COLUMNS, panels);
    }

    private static int multipleRows(int runs) {
        return (runs + MULTIPLE_COLUMNS - 1) / MULTIPLE_COLUMNS;
    }

    private static XYChart frame(int width, int height, String title, int tasks) {
        XYChart panel = new XYChart(width, height);
        Style.apply(panel.getStyler());
        panel.setTitle(title);
        panel.setXAxisTitle("creation order (input index)");
        panel.setYAxisTitle("arrival order (0 = received first)");
        var styler = panel.getStyler();
        styler.setXAxisMin(-0.5).setXAxisMax(tasks - 0.5).setYAxisMin(-0.5).setYAxisMax(tasks - 0.5);
        // Positions are whole numbers; XChart only puts ticks between them when an axis spans one or two.
        styler.setXAxisDecimalPattern("#,##0").setYAxisDecimalPattern("#,##0");
        styler.setMarkerSize(markerSize(tasks));
        XYSeries diagonal = panel.addSeries(DIAGONAL, new double[] {0, tasks - 1}, new double[] {0, tasks - 1});
        diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        diagonal.setMarker(SeriesMarkers.NONE);
        diagonal.setLineColor(Style.REFERENCE);
        diagonal.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 5f}, 0f));
        return panel;
    }

    private static void addRun(XYChart panel, RunRows run, Color color, int tasks) {
        double[] x = new double[run.size()];
        double[] y = new double[run.size()];
        for (int k = 0; k < run.size(); k++) {
            x[k] = run.index()[k];
            y[k] = run.arrival()[k];
        }
        XYSeries series = panel.addSeries(run.label(), x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(markerOf(run.strategy()));
        series.setMarkerColor(color);
    }

    private static Marker markerOf(String strategy) {
        return switch (strategy) {
            case "gather" -> SeriesMarkers.SQUARE;
            case "as-completed" -> SeriesMarkers.CIRCLE;
            default -> SeriesMarkers.DIAMOND;
        };
    }

    private static int markerSize(int tasks) {
        return tasks <= 20 ? 11 : tasks <= 60 ? 8 : tasks <= 200 ? 6 : 4;
    }
}
