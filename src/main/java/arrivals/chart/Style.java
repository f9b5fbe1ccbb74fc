package arrivals.chart;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** One look for every chart of the course: readable at notebook width, the same colours for the same things. */
final class Style {
    static final Color GATHER = new Color(0xE6, 0x7E, 0x22);        // orange
    static final Color AS_COMPLETED = new Color(0x1F, 0x77, 0xB4);  // blue
    static final Color FAILED = new Color(0xD6, 0x27, 0x28);        // red
    static final Color STOPPED = new Color(0x99, 0x99, 0x99);       // grey: cancelled or timed out
    static final Color REFERENCE = new Color(0x88, 0x88, 0x88);
    static final Color RECEIVED = new Color(0x22, 0x22, 0x22);
    private static final Color[] OTHERS = {
            new Color(0x2C, 0xA0, 0x2C), new Color(0x94, 0x67, 0xBD), new Color(0x8C, 0x56, 0x4B),
            new Color(0xE3, 0x77, 0xC2), new Color(0x17, 0xBE, 0xCF), new Color(0xBC, 0xBD, 0x22)};

    private Style() {
    }

    static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0xBB, 0xBB, 0xBB));
        styler.setPlotGridLinesColor(new Color(0xE4, 0xE4, 0xE4));
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendBorderColor(new Color(0xCC, 0xCC, 0xCC));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setChartPadding(10);
        styler.setToolTipsEnabled(false);
    }

    /** Gather is always orange and as-completed always blue; other strategies take the next free colour. */
    static Color of(String strategy, int position) {
        return switch (strategy) {
            case "gather" -> GATHER;
            case "as-completed" -> AS_COMPLETED;
            default -> OTHERS[Math.floorMod(position, OTHERS.length)];
        };
    }

    /** Several runs of one strategy in one panel get lighter shades, so each stays tellable apart. */
    static Color shade(Color base, int repeat) {
        if (repeat == 0) {
            return base;
        }
        float mix = Math.min(0.6f, 0.22f * repeat);
        return new Color(
                Math.round(base.getRed() + (255 - base.getRed()) * mix),
                Math.round(base.getGreen() + (255 - base.getGreen()) * mix),
                Math.round(base.getBlue() + (255 - base.getBlue()) * mix));
    }
}
