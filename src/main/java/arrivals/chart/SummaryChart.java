package arrivals.chart;

import arrivals.record.Recorder;
import arrivals.record.RunTables;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import tech.tablesaw.api.Table;

/**
 * Time to the first result and time to all results, per strategy, averaged over the recorded runs.
 *
 * <pre>{@code
 * for (int i = 0; i < 5; i++) {
 *     Gather.settled(tasks, recorder.options());
 *     try (var results = AsCompleted.of(tasks, recorder.options())) { results.forEach(done -> { }); }
 * }
 * display(SummaryChart.of(recorder).image());
 * }</pre>
 *
 * <p>One group of bars per strategy (in order of first appearance), with the series {@value #FIRST} and
 * {@value #TOTAL}: the mean over that strategy's runs of the summary's {@code firstMs} and {@code totalMs}.
 * When some strategy has more than one run, each bar carries an error bar of one standard deviation. Each bar is
 * labelled with its value in milliseconds.
 */
public final class SummaryChart extends ChartImage {
    /** Series of the mean time to the first result. */
    public static final String FIRST = "first result";
    /** Series of the mean time until every result was received. */
    public static final String TOTAL = "all results";
    private static final int WIDTH = 800, HEIGHT = 450;

    private final CategoryChart panel;

    private SummaryChart(int width, int height, CategoryChart panel) {
        super(width, height, 1);
        this.panel = panel;
    }

    /**
     * The chart of {@code summary} (a table from {@link Recorder#summary()} or {@link RunTables#summary}),
     * 800 x 450 pixels.
     *
     * @throws NullPointerException     if {@code summary} is null
     * @throws IllegalArgumentException if {@code summary} is not a summary table, or has no rows
     */
    public static SummaryChart of(Table summary) {
        return of(summary, WIDTH, HEIGHT);
    }

    /** The chart of the summary of every run {@code recorder} has recorded. */
    public static SummaryChart of(Recorder recorder) {
        return of(Objects.requireNonNull(recorder, "recorder").summary());
    }

    /**
     * Like {@link #of(Table)}, {@code width} by {@code height} pixels.
     *
     * @throws IllegalArgumentException if the size is below 200 x 150, or as {@link #of(Table)}
     */
    public static SummaryChart of(Table summary, int width, int height) {
        checkSize(width, height);
        RunTables.checkSummary(summary);
        if (summary.rowCount() == 0) {
            throw new IllegalArgumentException("the summary table has no runs to chart");
        }
        Map<String, List<Integer>> byStrategy = new LinkedHashMap<>();
        for (int r = 0; r < summary.rowCount(); r++) {
            byStrategy.computeIfAbsent(summary.stringColumn(RunTables.STRATEGY).get(r), s -> new ArrayList<>()).add(r);
        }
        List<String> strategies = new ArrayList<>(byStrategy.keySet());
        List<Double> firstMean = new ArrayList<>(), firstSd = new ArrayList<>();
        List<Double> totalMean = new ArrayList<>(), totalSd = new ArrayList<>();
        boolean repeated = false;
        int fewest = Integer.MAX_VALUE, most = 0;
        for (List<Integer> rows : byStrategy.values()) {
            repeated |= rows.size() > 1;
            fewest = Math.min(fewest, rows.size());
            most = Math.max(most, rows.size());
            double[] first = values(summary, RunTables.FIRST_MS, rows);
            double[] total = values(summary, RunTables.TOTAL_MS, rows);
            firstMean.add(mean(first));
            firstSd.add(sd(first));
            totalMean.add(mean(total));
            totalSd.add(sd(total));
        }
        String runs = fewest == most ? (most == 1 ? "1 run" : most + " runs") : fewest + " to " + most + " runs";
        CategoryChart panel = new CategoryChart(width, height);
        Style.apply(panel.getStyler());
        panel.setTitle("Time to first result and to all results (mean of " + runs + " per strategy)");
        panel.setXAxisTitle("strategy");
        panel.setYAxisTitle("ms from the start of the run");
        var styler = panel.getStyler();
        styler.setYAxisMin(0.0);
        styler.setYAxisDecimalPattern("#,##0");
        styler.setLabelsVisible(true);
        styler.setLabelsFontColorAutomaticEnabled(false);
        styler.setLabelsFontColor(Color.DARK_GRAY);
        styler.setLabelsPosition(0.5);
        styler.setErrorBarsColor(Color.DARK_GRAY);
        styler.setAvailableSpaceFill(0.6);
        styler.setSeriesColors(new Color[] {new Color(0x4C, 0x9A, 0x5A), new Color(0x8E, 0x6C, 0xB8)});
        CategorySeries first = repeated
                ? panel.addSeries(FIRST, strategies, firstMean, firstSd)
                : panel.addSeries(FIRST, strategies, firstMean);
        CategorySeries total = repeated
                ? panel.addSeries(TOTAL, strategies, totalMean, totalSd)
                : panel.addSeries(TOTAL, strategies, totalMean);
        first.setFillColor(new Color(0x4C, 0x9A, 0x5A));
        total.setFillColor(new Color(0x8E, 0x6C, 0xB8));
        return new SummaryChart(width, height, panel);
    }

    @Override
    public List<CategoryChart> panels() {
        return List.of(panel);
    }

    private static double[] values(Table summary, String column, List<Integer> rows) {
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = summary.doubleColumn(column).getDouble(rows.get(i));
        }
        return values;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sd(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values), squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
