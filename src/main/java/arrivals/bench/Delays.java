package arrivals.bench;

/**
 * The seeded delays of workload W(N): N values drawn uniformly from [0, 1 s), in nanoseconds.
 *
 * <pre>{@code
 * long[] delays = Delays.uniform(42, 10_000, 1_000_000_000L);
 * long longest = Delays.max(delays);
 * }</pre>
 *
 * <p>The generator is SplitMix64, chosen because it is a few lines of integer arithmetic that
 * {@code bench/asyncio_bench.py} repeats exactly: with the same seed, the Python and Java runs wait the very
 * same delays, so their wall times are comparable to the microsecond.
 */
final class Delays {
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double UNIT = 0x1.0p-53;

    private Delays() {
    }

    /**
     * {@code n} delays uniform in [0, {@code maxNanos}), from {@code seed}.
     *
     * @throws IllegalArgumentException if {@code n} or {@code maxNanos} is negative
     */
    static long[] uniform(long seed, int n, long maxNanos) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        if (maxNanos < 0) {
            throw new IllegalArgumentException("maxNanos must not be negative, was " + maxNanos);
        }
        long[] delays = new long[n];
        long state = seed;
        for (int i = 0; i < n; i++) {
            state += GOLDEN_GAMMA;
            double u = (mix(state) >>> 11) * UNIT; // 53 random bits: exact in a double, so Python gets the same u
            delays[i] = (long) (u * maxNanos);
        }
        return delays;
    }

    /** SplitMix64's output function: the i-th output for seed s is {@code mix(s + (i + 1) * GOLDEN_GAMMA)}. */
    static long mix(long state) {
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The largest value of {@code delays}, or 0 when it is empty. */
    static long max(long[] delays) {
        long max = 0;
        for (long d : delays) {
            max = Math.max(max, d);
        }
        return max;
    }
}
