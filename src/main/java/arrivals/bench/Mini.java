package arrivals.bench;

import arrivals.AsCompleted;
import arrivals.Completion;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Arrays;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * A small, fast version of the benchmark for a notebook: the loop of {@code CompletableFuture.anyOf} against
 * the queue design ({@code AsCompleted}) at growing N, in a few seconds, in the calling JVM.
 *
 * <pre>{@code
 * List<Mini.Row> rows = Mini.anyOfVsQueue();   // N = 500 ... 8,000; or choose: Mini.anyOfVsQueue(100, 200)
 * System.out.println(Mini.table(rows));
 * display(Mini.chart(rows));        // in a notebook: the anyOf loop's curve bends upwards, the queue's is a line
 * }</pre>
 *
 * <p>Results trickle in one at a time: the consumer plays the outside world and, each time it is about to wait,
 * lets the next of N pending futures finish (in a seeded random order). So every wait finds all the other tasks
 * still pending, which is the usual situation when the consumer is faster than the work (network calls,
 * timers). The figure is the CPU time the consuming thread spent receiving all N results: pure bookkeeping (no
 * sleeping, no thread wake-ups), all of it on that thread, and not inflated when other programs share the
 * cores. The anyOf loop pays for every remaining future at every result (a relay on each, then clean-up when
 * one fires), so its time grows with N²; the queue's grows with N. Both designs first run twice at up to
 * 4,000 tasks, unmeasured, so the comparison is not about which code the JIT compiled first.
 */
public final class Mini {
    private static final long SEED = 42;
    private static final int WARM_UP_TASKS = 4_000;

    private Mini() {
    }

    /** One size: the CPU time each design took to receive all N results, in milliseconds. */
    public record Row(int n, double anyOfMillis, double queueMillis) {
        /** How many times slower the anyOf loop was. */
        public double ratio() {
            return queueMillis > 0 ? anyOfMillis / queueMillis : Double.NaN;
        }
    }

    /**
     * Runs both designs at N = 500, 1,000, 2,000, 4,000 and 8,000: a few seconds in all. Each doubling of N
     * should about double the queue's time and quadruple the anyOf loop's.
     */
    public static List<Row> anyOfVsQueue() {
        return anyOfVsQueue(500, 1_000, 2_000, 4_000, 8_000);
    }

    /**
     * Runs both designs at each of {@code ns}.
     *
     * @throws IllegalArgumentException if {@code ns} is empty or holds a size below 1
     */
    public static List<Row> anyOfVsQueue(int... ns) {
        Objects.requireNonNull(ns, "ns");
        if (ns.length == 0) {
            throw new IllegalArgumentException("ns must name at least one size");
        }
        int largest = 0;
        for (int n : ns) {
            if (n < 1) {
                throw new IllegalArgumentException("every size in ns must be at least 1, got " + n);
            }
            largest = Math.max(largest, n);
        }
        int warmUp = Math.min(WARM_UP_TASKS, largest);
        for (int round = 0; round < 2; round++) { // not reported: compiles both designs' code first
            consume(true, warmUp);
            consume(false, warmUp);
        }
        List<Row> rows = new ArrayList<>();
        for (int n : ns) {
            rows.add(new Row(n, consume(true, n), consume(false, n)));
        }
        return List.copyOf(rows);
    }

    /** CPU milliseconds for one design to receive n results that finish one at a time. */
    private static double consume(boolean anyOfLoop, int n) {
        List<CompletableFuture<Integer>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            futures.add(new CompletableFuture<>());
        }
        int[] order = shuffled(n);
        long start = cpuNanos();
        if (anyOfLoop) {
            anyOfLoop(futures, order);
        } else {
            try (AsCompleted<Integer> results = AsCompleted.ofFutures(futures)) {
                Iterator<Completion<Integer>> it = results.iterator();
                for (int k = 0; k < n; k++) {
                    futures.get(order[k]).complete(order[k]); // the next result arrives
                    it.next();
                }
            }
        }
        return (cpuNanos() - start) / 1e6;
    }

    /**
     * CPU time of this thread, which does all the work here (the completion callbacks run on the thread that
     * completes the future). Unlike wall time it does not grow when other programs take the cores, so the curve
     * keeps its shape on a busy machine. Wall time where the JVM can't measure thread CPU time.
     */
    private static long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** The hand-written pattern: wait for any of the rest, take the finished one, repeat with the others. */
    private static void anyOfLoop(List<CompletableFuture<Integer>> futures, int[] order) {
        CompletableFuture<?>[] remaining = futures.toArray(new CompletableFuture<?>[0]);
        for (int k = 0, left = remaining.length; left > 0; k++, left--) {
            CompletableFuture<Object> any = CompletableFuture.anyOf(Arrays.copyOf(remaining, left));
            futures.get(order[k]).complete(order[k]); // the next result arrives while the loop waits
            any.join();
            int winner = 0;
            while (!remaining[winner].isDone()) {
                winner++;
            }
            remaining[winner] = remaining[left - 1];
            remaining[left - 1] = null;
        }
    }

    private static int[] shuffled(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** The rows as an aligned Markdown table. */
    public static String table(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows) {
            cells.add(List.of(Format.count(row.n()), Format.number(row.anyOfMillis()) + " ms",
                    Format.number(row.queueMillis()) + " ms", Format.ratio(row.ratio()) + "×"));
        }
        return Format.table(List.of("N", "anyOf loop", "queue (AsCompleted)", "anyOf ÷ queue"), cells);
    }

    /** CPU time against N for both designs, on linear axes so that the quadratic curve shows as a curve. */
    public static BufferedImage chart(List<Row> rows) {
        XYChart chart = new XYChartBuilder().width(720).height(440)
                .title("Receiving N results as they arrive: anyOf loop vs queue").xAxisTitle("N (tasks)")
                .yAxisTitle("CPU time to receive all N (ms)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        double[] ns = rows.stream().mapToDouble(Row::n).toArray();
        chart.addSeries("loop of CompletableFuture.anyOf", ns, rows.stream().mapToDouble(Row::anyOfMillis).toArray());
        chart.addSeries("AsCompleted (one queue)", ns, rows.stream().mapToDouble(Row::queueMillis).toArray());
        return BitmapEncoder.getBufferedImage(chart);
    }
}
