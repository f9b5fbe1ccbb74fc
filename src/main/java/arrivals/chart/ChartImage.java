package arrivals.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart of recorded runs that renders to a picture: one XChart panel, or several side by side.
 *
 * <pre>{@code
 * ChartImage chart = ArrivalChart.of(recorder.table());
 * display(chart.image());                         // in a notebook: shows the PNG
 * chart.save(Path.of("arrivals.png"));            // or write it to a file
 * }</pre>
 *
 * <p>Rendering needs no display: it works in a headless JVM ({@code -Djava.awt.headless=true}) as long as a
 * font is installed (on Debian: {@code fontconfig} and {@code fonts-dejavu-core}). {@link #panels()} gives the
 * XChart charts themselves, to restyle them or to read the plotted data; changes show in the next
 * {@link #image()}. A chart is not thread-safe; each {@code image()} call renders afresh.
 */
public abstract sealed class ChartImage permits ArrivalChart, TimelineChart, SummaryChart, StepChart, SweepChart {
    private final int width;
    private final int height;
    private final int columns;

    ChartImage(int width, int height, int columns) {
        this.width = width;
        this.height = height;
        this.columns = columns;
    }

    static void checkSize(int width, int height) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException(
                    "a chart needs at least 200 x 150 pixels to be readable, was " + width + " x " + height);
        }
    }

    /** The XChart panels this picture is made of, left to right, then top to bottom. */
    public abstract List<? extends Chart<?, ?>> panels();

    /** The picture's width in pixels. */
    public int width() {
        return width;
    }

    /** The picture's height in pixels. */
    public int height() {
        return height;
    }

    /** Renders the chart: {@link #width()} by {@link #height()} pixels, on white. */
    public BufferedImage image() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            List<? extends Chart<?, ?>> panels = panels();
            int rows = (panels.size() + columns - 1) / columns;
            for (int i = 0; i < panels.size(); i++) {
                int x = (i % columns) * width / columns;
                int y = (i / columns) * height / rows;
                int w = ((i % columns) + 1) * width / columns - x;
                int h = ((i / columns) + 1) * height / rows - y;
                Graphics2D cell = (Graphics2D) g.create(x, y, w, h);
                try {
                    panels.get(i).paint(cell, w, h);
                } finally {
                    cell.dispose();
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Writes the chart to {@code file} as a PNG, creating missing parent folders, and returns {@code file}.
     *
     * @throws NullPointerException if {@code file} is null
     * @throws IOException          if the file can't be written
     */
    public Path save(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image(), "png", file.toFile())) {
            throw new IOException("no PNG writer available to write " + file);
        }
        return file;
    }

    /** How many panels fit side by side. */
    int columns() {
        return columns;
    }
}
