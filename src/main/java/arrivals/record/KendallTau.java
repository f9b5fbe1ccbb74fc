package arrivals.record;

import java.util.List;
import java.util.Objects;

/**
 * How far an arrival order is from the creation order: the Kendall tau distance, which counts the pairs of
 * tasks that arrived the other way round from how they were created.
 *
 * <pre>{@code
 * KendallTau.distance(0, 1, 2);     // 0: everything arrived in creation order (what gather shows)
 * KendallTau.distance(2, 1, 0);     // 3: every one of the 3 pairs is swapped
 * KendallTau.distance(1, 0, 2);     // 1: only the pair (0, 1) is swapped
 * KendallTau.normalized(1, 0, 2);   // 1/3: the distance divided by the number of pairs
 * }</pre>
 *
 * <p>The argument lists creation indices in the order the results arrived. Only their relative order matters,
 * so the indices of a partial run (where the consumer stopped early) are fine. Normalised, 0 means "in creation
 * order" and 1 means "exactly reversed"; a random shuffle lands near 0.5. Runs in O(n log n).
 */
public final class KendallTau {
    private KendallTau() {
    }

    /**
     * The number of pairs that arrived in the opposite order of their creation indices.
     *
     * @throws NullPointerException     if {@code order} is null
     * @throws IllegalArgumentException if an index appears twice
     */
    public static long distance(int... order) {
        Objects.requireNonNull(order, "order");
        int[] work = order.clone();
        long inversions = sortCountingInversions(work, new int[work.length], 0, work.length);
        for (int i = 1; i < work.length; i++) {
            if (work[i] == work[i - 1]) {
                throw new IllegalArgumentException("index " + work[i] + " appears twice in the arrival order");
            }
        }
        return inversions;
    }

    /**
     * Like {@link #distance(int...)}, for a list.
     *
     * @throws NullPointerException if {@code order} or one of its elements is null
     */
    public static long distance(List<Integer> order) {
        return distance(toArray(order));
    }

    /**
     * The distance divided by the number of pairs, {@code n(n-1)/2}: between 0 (creation order) and 1
     * (reversed). Fewer than two items have no pairs and give 0.
     *
     * @throws IllegalArgumentException if an index appears twice
     */
    public static double normalized(int... order) {
        long pairs = pairs(order.length);
        return pairs == 0 ? 0.0 : (double) distance(order) / pairs;
    }

    /** Like {@link #normalized(int...)}, for a list. */
    public static double normalized(List<Integer> order) {
        return normalized(toArray(order));
    }

    /** The number of pairs among {@code n} items, the largest possible distance: {@code n(n-1)/2}. */
    public static long pairs(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        return (long) n * (n - 1) / 2;
    }

    private static int[] toArray(List<Integer> order) {
        Objects.requireNonNull(order, "order");
        int[] values = new int[order.size()];
        for (int i = 0; i < values.length; i++) {
            Integer index = order.get(i);
            if (index == null) {
                throw new NullPointerException("order[" + i + "] is null");
            }
            values[i] = index;
        }
        return values;
    }

    /** Merge sort of a[from, to) that counts, while merging, how many pairs it had to swap. */
    private static long sortCountingInversions(int[] a, int[] scratch, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        int mid = (from + to) >>> 1;
        long count = sortCountingInversions(a, scratch, from, mid) + sortCountingInversions(a, scratch, mid, to);
        int left = from, right = mid, out = from;
        while (left < mid && right < to) {
            if (a[right] < a[left]) {
                count += mid - left; // a[right] arrived after every remaining left element, yet is smaller
                scratch[out++] = a[right++];
            } else {
                scratch[out++] = a[left++];
            }
        }
        while (left < mid) {
            scratch[out++] = a[left++];
        }
        while (right < to) {
            scratch[out++] = a[right++];
        }
        System.arraycopy(scratch, from, a, from, to - from);
        return count;
    }
}
