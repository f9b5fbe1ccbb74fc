package arrivals.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A measured quantity against a parameter, one line per way of doing things: for example end-to-end time
 * against the cost of processing each result.
 *
 * <pre>{@code
 * SweepChart chart = SweepChart.of("End-to-end time", "processing per result (ms)", "ms");
 * chart.add("gather, then process", new double[] {0, 50, 100}, new double[] {400, 700, 1000});
 * display(chart.image());
 * }</pre>
 *
 * <p>Lines are drawn with a marker at each measured point. A name containing "gather" is drawn in gather's
 * orange, one containing "pool" in green, one containing "as-completed" or "as completed" in as-completed's
 * blue, so the course's colours mean the same thing everywhere.
 */
public final class SweepChart extends ChartImage {
    private static final int WIDTH = 800, HEIGHT = 460;
    private static final Color POOL = new Color(0x2C, 0xA0, 0x2C);

    private final XYChart panel;
    private final Map<String, double[][]> lines = new LinkedHashMap<>();

    private SweepChart(XYChart panel) {
        super(WIDTH, HEIGHT, 1);
        this.panel = panel;
    }

    /** An empty chart with these titles, 800 x 460 pixels. */
    public static SweepChart of(String title, String xTitle, String yTitle) {
        XYChart panel = new XYChart(WIDTH, HEIGHT);
        Style.apply(panel.getStyler());
        panel.setTitle(Objects.requireNonNull(title, "title"));
        panel.setXAxisTitle(Objects.requireNonNull(xTitle, "xTitle"));
        panel.setYAxisTitle(Objects.requireNonNull(yTitle, "yTitle"));
        panel.getStyler().setXAxisDecimalPattern("#,##0").setYAxisDecimalPattern("#,##0");
        panel.getStyler().setYAxisMin(0.0);
        panel.getStyler().setPlotGridVerticalLinesVisible(true);
        panel.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        panel.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        return new SweepChart(panel);
    }

    /**
     * Adds a line through the points ({@code x[i]}, {@code y[i]}) and returns this chart.
     *
     * @throws IllegalArgumentException if the arrays differ in length or are empty, or the name is taken
     */
    public SweepChart add(String name, double[] x, double[] y) {
        Objects.requireNonNull(name, "name");
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("x and y need the same, non-zero length; were " + x.length + " and " + y.length);
        }
        if (lines.containsKey(name)) {
            throw new IllegalArgumentException("there is already a line named " + name);
        }
        lines.put(name, new double[][] {x.clone(), y.clone()});
        XYSeries series = panel.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.CIRCLE);
        Color color = colorOf(name, lines.size() - 1);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setLineStyle(new BasicStroke(2.4f));
        return this;
    }

    @Override
    public List<XYChart> panels() {
        return List.of(panel);
    }

    private static Color colorOf(String name, int position) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("pool")) {
            return POOL;
        }
        if (lower.contains("gather")) {
            return Style.GATHER;
        }
        if (lower.contains("as-completed") || lower.contains("as completed")) {
            return Style.AS_COMPLETED;
        }
        return Style.of("other", position);
    }
}
