package arrivals.simulate;

import arrivals.Task;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Simulated slow work: "fetch from a named source" that takes a given delay, then replies with a text naming
 * the source. Each fetch prints a line when it starts and when it replies, unless the fetcher is {@link #quiet}.
 *
 * <pre>{@code
 * Fetcher fetch = Fetcher.realTime();
 * List<Task<String>> tasks = fetch.tasks(5, Delays.uniformMillis(100, 500, 42));
 * try (var results = AsCompleted.of(tasks)) {
 *     for (var done : results) System.out.println("got " + done.value() + " from task #" + done.index());
 * }
 * // prints e.g. "API 2: request sent, reply due in 264 ms" as each one starts
 * }</pre>
 *
 * <p>Two forms of the same fetch:
 * <ul>
 *   <li>{@link #task}/{@link #tasks}: a blocking {@link Task} that sleeps, for {@code Gather} and
 *       {@code AsCompleted.of} (one virtual thread each). An interrupt (cancel, timeout, fail-fast) ends the
 *       sleep at once; the task then throws {@link InterruptedException}.</li>
 *   <li>{@link #future}/{@link #futures}: a {@link CompletableFuture} completed by a timer, already running when
 *       returned, with no thread per fetch, for {@code AsCompleted.ofFutures}. Cancelling it stops it.
 *       One shared timer thread completes every simulated future, strictly in the order they fall due (equal
 *       delays in creation order), so dependent stages you add without an executor run on that thread: keep
 *       them short, or use the {@code ...Async} variants.</li>
 * </ul>
 *
 * <p>The time scale multiplies every delay. The course runs in real time ({@link #realTime}): every delay lasts
 * as long as it says, and durations print in milliseconds. A scaled fetcher's lines say which scale is in force.
 * A fetcher is immutable and thread-safe; lines go to {@code System.out} as it is when they are printed (so a
 * notebook kernel that swaps it still sees them).
 */
public final class Fetcher {
    private static final String DEFAULT_PREFIX = "API";

    private final double timeScale;
    private final boolean quiet;
    private final PrintStream out; // null: whatever System.out is at the time of printing

    private Fetcher(double timeScale, boolean quiet, PrintStream out) {
        this.timeScale = timeScale;
        this.quiet = quiet;
        this.out = out;
    }

    /** A fetcher whose delays last as long as they say. */
    public static Fetcher realTime() {
        return new Fetcher(1.0, false, null);
    }

    /**
     * A fetcher whose delays are multiplied by {@code timeScale}: with 0.1, a 2 s delay takes 0.2 s.
     *
     * @throws IllegalArgumentException if {@code timeScale} is not a finite number greater than zero
     */
    public static Fetcher scaled(double timeScale) {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a finite number > 0, was " + timeScale);
        }
        return new Fetcher(timeScale, false, null);
    }

    /** The same fetcher, printing nothing: for runs of hundreds or thousands of tasks. */
    public Fetcher quiet() {
        return new Fetcher(timeScale, true, out);
    }

    /**
     * The same fetcher, printing to {@code out} instead of {@code System.out}.
     *
     * @throws NullPointerException if {@code out} is null
     */
    public Fetcher printingTo(PrintStream out) {
        return new Fetcher(timeScale, quiet, Objects.requireNonNull(out, "out"));
    }

    /** The factor applied to every delay (1 for real time). */
    public double timeScale() {
        return timeScale;
    }

    /** True if this fetcher prints nothing. */
    public boolean isQuiet() {
        return quiet;
    }

    /**
     * How long {@code delay} really takes under this fetcher's time scale.
     *
     * @throws NullPointerException     if {@code delay} is null
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public Duration realDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        return Duration.ofNanos(Math.round(delay.toNanos() * timeScale));
    }

    /** The text a fetch from {@code source} replies with: {@code "reply from API 3"}. */
    public static String reply(String source) {
        return "reply from " + source;
    }

    /**
     * The name of position {@code index} in a batch: {@code sourceName("API", 0)} is {@code "API 1"}, because
     * people count from one while list positions count from zero.
     */
    public static String sourceName(String prefix, int index) {
        return prefix + " " + (index + 1);
    }

    /**
     * A blocking fetch from {@code source} that sleeps the scaled {@code delay} and returns {@link #reply}.
     * Each call of the task fetches again.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public Task<String> task(String source, Duration delay) {
        Objects.requireNonNull(source, "source");
        Duration real = realDelay(delay);
        return Task.of(source, () -> {
            long begin = System.nanoTime();
            announceStart(source, delay, real);
            try {
                Thread.sleep(real);
            } catch (InterruptedException e) {
                announce(source + ": cancelled after " + millis(since(begin)));
                throw e;
            }
            announce(source + ": replied after " + millis(since(begin)));
            return reply(source);
        });
    }

    /**
     * Blocking fetches from {@code "API 1"} to {@code "API <count>"}, position {@code i} waiting
     * {@code delays.get(i)}.
     *
     * @throws IllegalArgumentException  if {@code count} is negative
     * @throws IndexOutOfBoundsException if {@code delays} holds fewer than {@code count} fixed delays
     */
    public List<Task<String>> tasks(int count, Delays delays) {
        return tasks(DEFAULT_PREFIX, count, delays);
    }

    /** Like {@link #tasks(int, Delays)}, naming the sources {@code "<prefix> 1"} and so on. */
    public List<Task<String>> tasks(String prefix, int count, Delays delays) {
        List<Duration> each = batch(prefix, count, delays);
        List<Task<String>> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tasks.add(task(sourceName(prefix, i), each.get(i)));
        }
        return List.copyOf(tasks);
    }

    /**
     * A fetch from {@code source} that has already started: a timer completes the returned future with
     * {@link #reply} after the scaled {@code delay}. No thread waits for it.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public CompletableFuture<String> future(String source, Duration delay) {
        Objects.requireNonNull(source, "source");
        return schedule(source, delay, System.nanoTime());
    }

    /**
     * Timer-driven fetches from {@code "API 1"} to {@code "API <count>"}, all started now, position {@code i}
     * due {@code delays.get(i)} (scaled) from this one moment: equal delays complete in position order. Hand
     * the list to {@code AsCompleted.ofFutures} right away: futures already complete when it starts watching
     * can only be handed over in list order.
     *
     * @throws IllegalArgumentException  if {@code count} is negative
     * @throws IndexOutOfBoundsException if {@code delays} holds fewer than {@code count} fixed delays
     */
    public List<CompletableFuture<String>> futures(int count, Delays delays) {
        return futures(DEFAULT_PREFIX, count, delays);
    }

    /** Like {@link #futures(int, Delays)}, naming the sources {@code "<prefix> 1"} and so on. */
    public List<CompletableFuture<String>> futures(String prefix, int count, Delays delays) {
        List<Duration> each = batch(prefix, count, delays);
        long origin = System.nanoTime();
        List<CompletableFuture<String>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            futures.add(schedule(sourceName(prefix, i), each.get(i), origin));
        }
        return List.copyOf(futures);
    }

    private CompletableFuture<String> schedule(String source, Duration delay, long origin) {
        Duration real = realDelay(delay);
        CompletableFuture<String> future = new CompletableFuture<>();
        announceStart(source, delay, real);
        if (!quiet) {
            future.whenComplete((value, error) -> {
                if (error instanceof CancellationException) {
                    announce(source + ": cancelled after " + millis(since(origin)));
                }
            });
        }
        Alarms.at(origin + real.toNanos(), () -> {
            if (!future.isDone()) {
                announce(source + ": replied after " + millis(since(origin)));
                future.complete(reply(source));
            }
        });
        return future;
    }

    private static List<Duration> batch(String prefix, int count, Delays delays) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(delays, "delays");
        Delays.checkCount(count);
        if (count > delays.size()) {
            throw new IndexOutOfBoundsException(
                    "count is " + count + " but the delays hold only " + delays.size() + ": " + delays);
        }
        return delays.first(count);
    }

    private void announceStart(String source, Duration delay, Duration real) {
        if (quiet) {
            return;
        }
        String scale = timeScale == 1.0 ? "" : " (" + millis(delay) + " at time scale " + scaleText() + ")";
        announce(source + ": request sent, reply due in " + millis(real) + scale);
    }

    private void announce(String line) {
        if (!quiet) {
            (out != null ? out : System.out).println(line);
        }
    }

    private String scaleText() {
        return BigDecimal.valueOf(timeScale).stripTrailingZeros().toPlainString();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * {@code 150 ms}, or {@code 150.4 ms} when not a whole number of milliseconds: the one way durations are
     * printed by the simulation, in the unit the course states its delays in.
     */
    static String millis(Duration d) {
        long nanos = d.toNanos();
        return nanos % 1_000_000 == 0
                ? (nanos / 1_000_000) + " ms"
                : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    @Override
    public String toString() {
        String scale = timeScale == 1.0 ? "real time" : "time scale " + scaleText();
        return "Fetcher[" + scale + (quiet ? ", quiet" : "") + "]";
    }
}
