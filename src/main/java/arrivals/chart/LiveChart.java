package arrivals.chart;

import arrivals.Completion;
import arrivals.Options;
import arrivals.RunInfo;
import arrivals.RunListener;
import arrivals.record.Recorder;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import tech.tablesaw.api.Table;

/**
 * A chart that redraws itself as results arrive, for a notebook cell that updates one picture in place.
 *
 * <pre>{@code
 * String id = display(LiveChart.blank());                          // a placeholder, to get a display id
 * LiveChart live = LiveChart.arrivals(image -> updateDisplay(id, image));
 * try (var results = AsCompleted.of(tasks, live.options())) {
 *     for (var done : results) { }                                 // the picture grows point by point
 * }
 * Gather.settled(tasks, live.options());                           // gather's points all appear at the end
 * live.recorder().summary();                                       // it recorded everything, too
 * }</pre>
 *
 * <p>A live chart is a {@link RunListener}: after each result the consumer receives, it redraws the chart of
 * every run it has seen and passes the new image to the sink. Drawing happens on the consuming thread, so it
 * delays the consumer (by some tens of milliseconds per 800-pixel picture); {@link #atMostEvery} limits how
 * often it draws, and the end of each run always draws the final picture. {@link #arrivals} and
 * {@link #timeline} draw one picture for nobody when created, so that the first result of the first run isn't
 * also the JVM's first picture (which takes up to a second). Gather hands over its results all at once, so a
 * live gather chart jumps straight to the end: which is the point. If the sink throws, the run it watches
 * breaks as a throwing listener does. Safe to share between runs on several threads; drawing is serialised.
 */
public final class LiveChart implements RunListener {
    private static final int BLANK_WIDTH = 800, BLANK_HEIGHT = 520;

    private final Function<Table, ? extends ChartImage> draw;
    private final Consumer<BufferedImage> sink;
    private final long intervalNanos;
    private final Recorder recorder = new Recorder();
    private long lastDrawn;
    private boolean drawnOnce;
    private boolean pending;

    private LiveChart(Function<Table, ? extends ChartImage> draw, Consumer<BufferedImage> sink, long intervalNanos) {
        this.draw = draw;
        this.sink = sink;
        this.intervalNanos = intervalNanos;
    }

    /**
     * A live {@link ArrivalChart}, drawn after every arrival.
     *
     * @throws NullPointerException if {@code sink} is null
     */
    public static LiveChart arrivals(Consumer<BufferedImage> sink) {
        return of(ArrivalChart::of, sink).warmedUp();
    }

    /**
     * A live {@link TimelineChart}, drawn after every arrival. It shows a task once its result is received.
     *
     * @throws NullPointerException if {@code sink} is null
     */
    public static LiveChart timeline(Consumer<BufferedImage> sink) {
        return of(TimelineChart::of, sink).warmedUp();
    }

    /**
     * A live chart drawn by {@code draw} from the row table of every run seen so far.
     *
     * @throws NullPointerException if an argument is null
     */
    public static LiveChart of(Function<Table, ? extends ChartImage> draw, Consumer<BufferedImage> sink) {
        return new LiveChart(Objects.requireNonNull(draw, "draw"), Objects.requireNonNull(sink, "sink"), 0);
    }

    /**
     * A new live chart like this one (with nothing recorded yet) that draws at most once per {@code interval},
     * plus once at the end of each run: for runs of hundreds of tasks.
     *
     * @throws NullPointerException     if {@code interval} is null
     * @throws IllegalArgumentException if {@code interval} is negative
     */
    public LiveChart atMostEvery(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, was " + interval);
        }
        return new LiveChart(draw, sink, interval.toNanos());
    }

    /**
     * Draws an empty picture once, to nobody: the first picture a JVM draws loads the chart and font classes,
     * which takes up to a second that would otherwise land on the first result of the first run watched.
     */
    private LiveChart warmedUp() {
        draw.apply(recorder.table()).image();
        return this;
    }

    /** Default options that report to this chart: {@code AsCompleted.of(tasks, live.options())}. */
    public Options options() {
        return Options.defaults().listener(this);
    }

    /**
     * {@code base} reporting to this chart (it replaces any listener {@code base} had).
     *
     * @throws NullPointerException if {@code base} is null
     */
    public Options options(Options base) {
        return Objects.requireNonNull(base, "base").listener(this);
    }

    /** What this chart has recorded: every run it watched. */
    public Recorder recorder() {
        return recorder;
    }

    /** The picture as it stands now. */
    public synchronized BufferedImage image() {
        return draw.apply(recorder.table()).image();
    }

    /** A white 800 x 520 placeholder saying that results are on their way, to {@code display} first. */
    public static BufferedImage blank() {
        BufferedImage image = new BufferedImage(BLANK_WIDTH, BLANK_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, BLANK_WIDTH, BLANK_HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            String text = "waiting for the first result...";
            int textWidth = g.getFontMetrics().stringWidth(text);
            g.drawString(text, (BLANK_WIDTH - textWidth) / 2, BLANK_HEIGHT / 2);
        } finally {
            g.dispose();
        }
        return image;
    }

    @Override
    public void runStarted(RunInfo run) {
        recorder.runStarted(run);
    }

    @Override
    public synchronized void delivered(RunInfo run, Completion<?> completion) {
        recorder.delivered(run, completion);
        long now = System.nanoTime();
        if (!drawnOnce || now - lastDrawn >= intervalNanos) {
            redraw(now);
        } else {
            pending = true;
        }
    }

    @Override
    public synchronized void runEnded(RunInfo run, List<Integer> stillRunning) {
        recorder.runEnded(run, stillRunning);
        if (pending) {
            redraw(System.nanoTime());
        }
    }

    private void redraw(long now) {
        sink.accept(image());
        lastDrawn = now;
        drawnOnce = true;
        pending = false;
    }

    @Override
    public String toString() {
        return "LiveChart[" + recorder + "]";
    }
}
