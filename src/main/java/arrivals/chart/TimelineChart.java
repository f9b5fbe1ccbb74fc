package arrivals.chart;

import arrivals.record.Recorder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * A timeline (Gantt chart) of each run: one bar per task from its start to its finish, a dotted line while the
 * finished result waited, and a mark where the consumer received it. Runs are stacked on one time axis, so
 * gather (every mark at the very end) and as-completed (each mark right at its bar's end) line up.
 *
 * <pre>{@code
 * display(TimelineChart.of(recorder).image());
 * }</pre>
 *
 * <p>Each panel has x = milliseconds from the run's start and y = creation index. Its series, each present only
 * when it has data: {@value #RUNNING} (bars of tasks that succeeded), {@value #FAILED}, {@value #STOPPED}
 * (cancelled or timed out), {@value #WAITING} and {@value #RECEIVED}. Bars are line segments separated by NaN
 * points, so the series data holds {@code NaN} between tasks. A task that never started has no bar. Up to four
 * runs are stacked in one column; more go two to a row. All panels share the same time range.
 */
public final class TimelineChart extends ChartImage {
    /** Series of the bars of tasks that succeeded. */
    public static final String RUNNING = "running";
    /** Series of the bars of tasks that failed. */
    public static final String FAILED = "failed";
    /** Series of the bars of tasks that were cancelled or timed out. */
    public static final String STOPPED = "cancelled / timed out";
    /** Series of the dotted lines from a task's finish to its receipt. */
    public static final String WAITING = "finished, not yet received";
    /** Series of the marks where the consumer received each result. */
    public static final String RECEIVED = "received by the consumer";
    private static final int WIDTH = 800, PANEL_HEIGHT = 330, STACK_LIMIT = 4;

    private final List<XYChart> panels;

    private TimelineChart(int width, int height, int columns, List<XYChart> panels) {
        super(width, height, columns);
        this.panels = List.copyOf(panels);
    }

    /**
     * The timeline of every run in {@code rows} (a table from {@link Recorder#table()} or
     * {@link arrivals.record.RunTables#rows}), 800 pixels wide.
     *
     * @throws NullPointerException     if {@code rows} is null
     * @throws IllegalArgumentException if {@code rows} is not a row table
     */
    public static TimelineChart of(Table rows) {
        List<RunRows> runs = RunRows.split(rows);
        int columns = columnsFor(runs.size());
        int panelRows = Math.max(1, (runs.size() + columns - 1) / columns);
        return build(runs, WIDTH, panelRows * PANEL_HEIGHT);
    }

    /** The timeline of every run {@code recorder} has recorded. */
    public static TimelineChart of(Recorder recorder) {
        return of(Objects.requireNonNull(recorder, "recorder").table());
    }

    /**
     * Like {@link #of(Table)}, {@code width} by {@code height} pixels in all.
     *
     * @throws IllegalArgumentException if the size is below 200 x 150
     */
    public static TimelineChart of(Table rows, int width, int height) {
        checkSize(width, height);
        return build(RunRows.split(rows), width, height);
    }

    @Override
    public List<XYChart> panels() {
        return panels;
    }

    private static int columnsFor(int runs) {
        return runs <= STACK_LIMIT ? 1 : 2;
    }

    private static TimelineChart build(List<RunRows> runs, int width, int height) {
        int columns = columnsFor(runs.size());
        int panelRows = Math.max(1, (runs.size() + columns - 1) / columns);
        int panelWidth = width / columns, panelHeight = height / panelRows;
        double end = 1;
        for (RunRows run : runs) {
            for (int k = 0; k < run.size(); k++) {
                end = Math.max(end, Math.max(run.finishedMs()[k], run.receivedMs()[k]));
            }
        }
        Map<String, Integer> perStrategy = new HashMap<>();
        runs.forEach(run -> perStrategy.merge(run.strategy(), 1, Integer::sum));
        List<XYChart> panels = new ArrayList<>();
        if (runs.isEmpty()) {
            panels.add(frame(panelWidth, panelHeight, "Timeline (no runs recorded)", 1, end));
        }
        for (int i = 0; i < runs.size(); i++) {
            RunRows run = runs.get(i);
            String name = perStrategy.get(run.strategy()) > 1 ? run.label() : run.strategy();
            String title = columns == 1
                    ? String.format(Locale.ROOT, "%s: first result at %.0f ms, last at %.0f ms",
                            name, run.firstReceivedMs(), run.lastReceivedMs())
                    : String.format(Locale.ROOT, "%s: first %.0f ms, last %.0f ms",
                            name, run.firstReceivedMs(), run.lastReceivedMs());
            XYChart panel = frame(panelWidth, panelHeight, title, Math.max(1, run.tasks()), end);
            if (columns > 1) {
                // Half the width: smaller type, and the legend stacked so that it isn't cut off.
                var styler = panel.getStyler();
                styler.setChartTitleFont(styler.getChartTitleFont().deriveFont(12.5f));
                styler.setAxisTitleFont(styler.getAxisTitleFont().deriveFont(11.5f));
                styler.setLegendFont(styler.getLegendFont().deriveFont(11f));
                styler.setLegendLayout(Styler.LegendLayout.Vertical);
            }
            addRun(panel, run, Style.of(run.strategy(), i), panelHeight);
            panels.add(panel);
        }
        return new TimelineChart(width, height, columns, panels);
    }

    private static XYChart frame(int width, int height, String title, int tasks, double endMs) {
        XYChart panel = new XYChart(width, height);
        Style.apply(panel.getStyler());
        panel.setTitle(title);
        panel.setXAxisTitle("ms from the start of the run");
        panel.setYAxisTitle("task (creation order)");
        var styler = panel.getStyler();
        styler.setXAxisMin(0.0).setXAxisMax(endMs * 1.03).setYAxisMin(-0.7).setYAxisMax(tasks - 0.3);
        styler.setXAxisDecimalPattern("#,##0").setYAxisDecimalPattern("#,##0");
        styler.setPlotGridVerticalLinesVisible(true);
        styler.setPlotGridHorizontalLinesVisible(false);
        return panel;
    }

    private static void addRun(XYChart panel, RunRows run, Color color, int panelHeight) {
        // The bar's thickness is the line width: about two thirds of the space one task gets.
        float thickness = (float) Math.max(1.5, Math.min(16, 0.65 * (panelHeight - 130) / Math.max(1, run.tasks())));
        Segments running = new Segments(), failed = new Segments(), stopped = new Segments(),
                waiting = new Segments();
        double[] rx = new double[run.size()], ry = new double[run.size()];
        for (int k = 0; k < run.size(); k++) {
            int y = run.index()[k];
            double start = run.startedMs()[k], finish = run.finishedMs()[k], receipt = run.receivedMs()[k];
            if (!Double.isNaN(start)) {
                Segments bars = switch (run.outcome()[k]) {
                    case "success" -> running;
                    case "failure" -> failed;
                    default -> stopped;
                };
                bars.add(start, finish, y);
            }
            if (receipt > finish) {
                waiting.add(finish, receipt, y);
            }
            rx[k] = receipt;
            ry[k] = y;
        }
        running.addTo(panel, RUNNING, color, new BasicStroke(thickness, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        failed.addTo(panel, FAILED, Style.FAILED, new BasicStroke(thickness, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        stopped.addTo(panel, STOPPED, Style.STOPPED, new BasicStroke(thickness, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        waiting.addTo(panel, WAITING, Style.REFERENCE, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
        if (run.size() > 0) {
            XYSeries marks = panel.addSeries(RECEIVED, rx, ry);
            marks.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            marks.setMarker(SeriesMarkers.DIAMOND);
            marks.setMarkerColor(Style.RECEIVED);
            panel.getStyler().setMarkerSize((int) Math.max(5, Math.min(10, thickness + 2)));
        }
    }

    /** Horizontal segments in one series, separated by a NaN point so XChart lifts the pen between them. */
    private static final class Segments {
        private final List<Double> x = new ArrayList<>();
        private final List<Double> y = new ArrayList<>();

        void add(double from, double to, double level) {
            x.add(from);
            y.add(level);
            x.add(to);
            y.add(level);
            x.add(to);
            y.add(Double.NaN);
        }

        void addTo(XYChart panel, String name, Color color, BasicStroke stroke) {
            if (x.isEmpty()) {
                return;
            }
            XYSeries series = panel.addSeries(name, x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(color);
            series.setLineStyle(stroke);
        }
    }
}
