package arrivals.bench;

import java.util.Arrays;

/**
 * The few statistics the benchmark reports: nearest-rank percentiles of one run's delivery lags, and the
 * median with min and max of several runs' figures.
 *
 * <pre>{@code
 * long[] lags = {5, 1, 4, 2, 3};
 * Stats.percentile(lags, 50);                 // 3
 * Stats.Spread s = Stats.spread(new double[] {0.3, 0.1, 0.2});
 * s.median();                                 // 0.2, with s.min() 0.1 and s.max() 0.3
 * }</pre>
 *
 * <p>Nearest rank means every reported percentile is a value that was actually observed, and that the Python
 * script (which implements the same rule) reports the same figure for the same data.
 */
final class Stats {
    private Stats() {
    }

    /**
     * The {@code p}-th percentile of {@code values} by the nearest-rank rule: the smallest value such that at
     * least {@code p} percent of the values are less than or equal to it. Sorts a copy; {@code values} is left
     * as it was.
     *
     * @throws IllegalArgumentException if {@code values} is empty or {@code p} is outside (0, 100]
     */
    static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return percentileOfSorted(sorted, p);
    }

    /** Like {@link #percentile}, for an array already sorted in ascending order (not checked). */
    static long percentileOfSorted(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("percentile of no values is undefined");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("p must be in (0, 100], was " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length); // 1-based
        return sorted[Math.max(rank, 1) - 1];
    }

    /** Median, min and max of several runs of one figure. */
    record Spread(double median, double min, double max, int runs) {
    }

    /**
     * The median (the mean of the two middle values for an even count), min and max of {@code values}.
     *
     * @throws IllegalArgumentException if {@code values} is empty
     */
    static Spread spread(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("spread of no values is undefined");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Spread(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }
}
