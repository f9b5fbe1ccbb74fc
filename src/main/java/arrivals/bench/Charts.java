package arrivals.bench;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The benchmark's chart: overhead and median delivery lag against N, one line per implementation, on log
 * scales, side by side in one PNG. Rendered off screen (no display needed).
 */
final class Charts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private Charts() {
    }

    static BufferedImage overview(Results results, List<Lineup.Entry> entries, List<Integer> ns) {
        XYChart overhead = chart("Overhead (wall time minus the longest delay)", "seconds");
        XYChart lag = chart("Delivery lag, median", "milliseconds");
        for (Lineup.Entry entry : entries) {
            addSeries(overhead, entry.id(), ns, (id, n) -> results.overhead(id, n), 1e9);
            addSeries(lag, entry.id(), ns, (id, n) -> results.lagP50(id, n), 1e6);
        }
        return sideBySide(BitmapEncoder.getBufferedImage(overhead), BitmapEncoder.getBufferedImage(lag));
    }

    static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("N (tasks)").yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(7);
        return chart;
    }

    private static void addSeries(XYChart chart, String name, List<Integer> ns,
                                  BiFunction<String, Integer, Optional<Stats.Spread>> figure, double unit) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int n : ns) {
            Optional<Stats.Spread> spread = figure.apply(name, n);
            // A log axis can't show zero; a stopped run has no figure at all.
            if (spread.isPresent() && spread.get().median() > 0) {
                xs.add((double) n);
                ys.add(spread.get().median() / unit);
            }
        }
        if (!xs.isEmpty()) {
            chart.addSeries(name, xs, ys);
        }
    }

    static BufferedImage sideBySide(BufferedImage left, BufferedImage right) {
        BufferedImage both = new BufferedImage(left.getWidth() + right.getWidth(),
                Math.max(left.getHeight(), right.getHeight()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, both.getWidth(), both.getHeight());
            g.drawImage(left, 0, 0, null);
            g.drawImage(right, left.getWidth(), 0, null);
        } finally {
            g.dispose();
        }
        return both;
    }
}
