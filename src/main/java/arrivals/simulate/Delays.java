package arrivals.simulate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A reproducible delay for every task position: seeded random, or picked by hand.
 *
 * <pre>{@code
 * Delays delays = Delays.uniformSeconds(1, 5, 42); // each delay between 1 s and 5 s, the same on every run
 * delays.get(0);                // PT3.967S: the same on every run with seed 42
 * delays.first(5);              // the delays of tasks 0..4
 * delays.finishingOrder(5);     // the order in which those 5 tasks are due to finish
 * Delays byHand = Delays.ofSeconds(3, 1, 2);
 * }</pre>
 *
 * <p>Random delays have millisecond resolution, so they print neatly. Each position's delay depends only on the
 * seed and the position, never on how many delays were asked for or in which order. Two positions can draw the
 * same delay; the finishing order then puts the lower index first ({@link #finishingOrder}), and the timer-driven
 * {@link Fetcher#futures} really completes them in that order. Instances are immutable and thread-safe.
 */
public final class Delays {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final Duration min;      // uniform only
    private final Duration max;      // uniform only
    private final long seed;         // uniform only
    private final Duration[] fixed;  // null for uniform

    private Delays(Duration min, Duration max, long seed, Duration[] fixed) {
        this.min = min;
        this.max = max;
        this.seed = seed;
        this.fixed = fixed;
    }

    /**
     * Delays drawn uniformly between {@code min} and {@code max} (both included, to the millisecond) from
     * {@code seed}.
     *
     * @throws NullPointerException     if {@code min} or {@code max} is null
     * @throws IllegalArgumentException if {@code min} is negative or greater than {@code max}
     */
    public static Delays uniform(Duration min, Duration max, long seed) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative()) {
            throw new IllegalArgumentException("min must not be negative, was " + min);
        }
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min must not exceed max, was min=" + min + " max=" + max);
        }
        return new Delays(truncate(min), truncate(max), seed, null);
    }

    /**
     * Like {@link #uniform}, in seconds: {@code uniformSeconds(1, 5, 42)} draws between 1 s and 5 s.
     *
     * @throws IllegalArgumentException if a bound is negative, not finite, or {@code min > max}
     */
    public static Delays uniformSeconds(double min, double max, long seed) {
        return uniform(seconds("min", min), seconds("max", max), seed);
    }

    /**
     * Like {@link #uniform}, in milliseconds: {@code uniformMillis(100, 500, 42)} draws between 100 ms and 500 ms.
     *
     * @throws IllegalArgumentException if a bound is negative or {@code min > max}
     */
    public static Delays uniformMillis(long min, long max, long seed) {
        return uniform(Duration.ofMillis(min), Duration.ofMillis(max), seed);
    }

    /**
     * Exactly these delays: position {@code i} waits {@code delays[i]}. There are no delays beyond the last one.
     *
     * @throws NullPointerException     if the array or one of its elements is null
     * @throws IllegalArgumentException if the array is empty or a delay is negative
     */
    public static Delays of(Duration... delays) {
        Objects.requireNonNull(delays, "delays");
        if (delays.length == 0) {
            throw new IllegalArgumentException("delays must not be empty");
        }
        Duration[] copy = delays.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                throw new NullPointerException("delays[" + i + "] is null");
            }
            if (copy[i].isNegative()) {
                throw new IllegalArgumentException("delays[" + i + "] must not be negative, was " + copy[i]);
            }
        }
        return new Delays(null, null, 0, copy);
    }

    /**
     * Exactly these delays, in seconds: {@code ofSeconds(3, 1, 2)}.
     *
     * @throws IllegalArgumentException if the array is empty or a delay is negative or not finite
     */
    public static Delays ofSeconds(double... seconds) {
        Objects.requireNonNull(seconds, "seconds");
        Duration[] delays = new Duration[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            delays[i] = seconds("seconds[" + i + "]", seconds[i]);
        }
        return of(delays);
    }

    /**
     * Exactly these delays, in milliseconds: {@code ofMillis(300, 100, 200)}.
     *
     * @throws IllegalArgumentException if the array is empty or a delay is negative
     */
    public static Delays ofMillis(long... millis) {
        Objects.requireNonNull(millis, "millis");
        Duration[] delays = new Duration[millis.length];
        for (int i = 0; i < millis.length; i++) {
            delays[i] = Duration.ofMillis(millis[i]);
        }
        return of(delays);
    }

    /**
     * The delay of position {@code index}.
     *
     * @throws IndexOutOfBoundsException if {@code index} is negative, or beyond the last of fixed delays
     */
    public Duration get(int index) {
        if (index < 0) {
            throw new IndexOutOfBoundsException("index must not be negative, was " + index);
        }
        if (fixed != null) {
            if (index >= fixed.length) {
                throw new IndexOutOfBoundsException("index " + index + " is beyond these " + fixed.length
                        + " fixed delays (positions 0.." + (fixed.length - 1) + ")");
            }
            return fixed[index];
        }
        long span = max.toMillis() - min.toMillis() + 1;
        // A stateless hash of (seed, index): any position can be asked for in any order and gets the same delay.
        double unit = (mix(seed + (index + 1L) * GOLDEN) >>> 11) * 0x1.0p-53;
        return min.plusMillis((long) (unit * span));
    }

    /**
     * The delays of positions {@code 0..count-1}.
     *
     * @throws IllegalArgumentException  if {@code count} is negative
     * @throws IndexOutOfBoundsException if there are fewer fixed delays than {@code count}
     */
    public List<Duration> first(int count) {
        checkCount(count);
        List<Duration> delays = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            delays.add(get(i));
        }
        return List.copyOf(delays);
    }

    /**
     * The positions {@code 0..count-1} in the order their delays end: shortest first, lower index first on
     * equal delays. This is the arrival order an as-completed run of these tasks is due to show.
     *
     * @throws IllegalArgumentException  if {@code count} is negative
     * @throws IndexOutOfBoundsException if there are fewer fixed delays than {@code count}
     */
    public List<Integer> finishingOrder(int count) {
        List<Duration> delays = first(count);
        Integer[] order = new Integer[count];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing((Integer i) -> delays.get(i)).thenComparing(i -> i));
        return List.of(order);
    }

    /** How many fixed delays there are; {@code Integer.MAX_VALUE} for random delays, which never run out. */
    public int size() {
        return fixed == null ? Integer.MAX_VALUE : fixed.length;
    }

    @Override
    public String toString() {
        if (fixed == null) {
            return "Delays[uniform " + Fetcher.millis(min) + " to " + Fetcher.millis(max) + ", seed " + seed + "]";
        }
        return "Delays" + Arrays.stream(fixed).map(Fetcher::millis).toList();
    }

    static void checkCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
    }

    private static Duration seconds(String name, double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            throw new IllegalArgumentException(name + " must be a finite number of seconds >= 0, was " + seconds);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static Duration truncate(Duration d) {
        return Duration.ofMillis(d.toMillis());
    }

    /** The SplitMix64 finaliser: spreads consecutive inputs over all 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
