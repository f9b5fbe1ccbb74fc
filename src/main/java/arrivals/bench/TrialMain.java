package arrivals.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Runs one measurement in this JVM and prints it as one JSON line; {@link BenchMain} starts a fresh JVM with
 * this class for every run, so that each run's peak memory is its own and no run inherits another's garbage.
 *
 * <pre>
 * java -cp target/arrivals.jar arrivals.bench.TrialMain --impl arrivals-timers --n 100000 --seed 42
 * TRIAL {"impl":"arrivals-timers","n":100000,"wallNs":1012345678,...}
 *
 * java -cp target/arrivals.jar arrivals.bench.TrialMain --floor --seed 42
 * FLOOR {"language":"java","overshootP50Ns":{...}}
 * </pre>
 *
 * <p>Before measuring, the implementation runs twice at up to 10,000 tasks (2,000 for the quadratic anyOf
 * loop) with delays under 20 ms, so the measured run finds its code compiled, as it would in a long-running
 * program. Peak memory is the growth of the resident set from just before the warm-up, which counts the
 * warm-up's own growth: at N up to 10,000 it is as large as the measured run. {@code --budget-ms} stops
 * implementations that may not finish (the anyOf loop) and marks the run as stopped. Bad arguments print a
 * usage line and exit with status 2.
 */
public final class TrialMain {
    static final String TRIAL_PREFIX = "TRIAL ";
    static final String FLOOR_PREFIX = "FLOOR ";
    private static final int WARM_UP_TASKS = 10_000;
    private static final int WARM_UP_TASKS_QUADRATIC = 2_000;
    private static final int WARM_UP_ROUNDS = 2;
    private static final long WARM_UP_MAX_DELAY = 20_000_000L;
    private static final long ONE_SECOND = 1_000_000_000L;

    private TrialMain() {
    }

    public static void main(String[] args) throws Exception {
        String impl = null;
        int n = -1;
        long seed = 42;
        long budgetMs = 0;
        boolean floor = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--impl" -> impl = args[++i];
                    case "--n" -> n = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--budget-ms" -> budgetMs = Long.parseLong(args[++i]);
                    case "--floor" -> floor = true;
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (!floor && (impl == null || n < 0)) {
                throw new IllegalArgumentException("--impl and --n are required (or --floor)");
            }
        } catch (RuntimeException e) { // a bad number, a missing value, an unknown flag
            System.err.println("TrialMain: " + e.getMessage());
            System.err.println("usage: TrialMain --impl ID --n N [--seed S] [--budget-ms MS] | --floor [--seed S]");
            System.exit(2);
            return;
        }
        if (floor) {
            System.out.println(FLOOR_PREFIX + Floor.measure(seed, 200).toJson());
        } else {
            System.out.println(TRIAL_PREFIX + measure(JavaImpl.byId(impl), n, seed, budgetMs * 1_000_000).toJson());
        }
        System.out.flush();
        // Timers or threads an implementation left behind (the anyOf loop stopped early) must not keep us alive.
        System.exit(0);
    }

    /** Warms {@code impl} up, then runs W(n) once and measures it. */
    static Trial measure(JavaImpl impl, int n, long seed, long budgetNanos) throws Exception {
        long[] delays = Delays.uniform(seed, n, ONE_SECOND);
        Recorder seen = new Recorder(n, budgetNanos);
        // The baseline is taken before the warm-up, whose own growth counts: at N <= 10,000 the warm-up is as
        // large as the run, and heap it grew would otherwise be reused unseen by the measured run.
        System.gc();
        ProcessMemory.resetPeak();
        long baseline = ProcessMemory.residentBytes();
        int warmUp = Math.min(n, impl == JavaImpl.ANY_OF_LOOP ? WARM_UP_TASKS_QUADRATIC : WARM_UP_TASKS);
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            impl.run(Delays.uniform(seed + 1 + round, warmUp, WARM_UP_MAX_DELAY), new Recorder(warmUp, 0));
        }
        System.gc();
        long[] gcBefore = gcTotals();

        impl.run(delays, seen);
        seen.finish();

        long[] gcAfter = gcTotals();
        long peak = ProcessMemory.peakResidentBytes();
        long[] lags = seen.lags(delays);
        java.util.Arrays.sort(lags);
        boolean any = lags.length > 0;
        return new Trial(impl.id, n, seen.end(), Delays.max(delays), seen.first(),
                any ? Stats.percentileOfSorted(lags, 50) : -1, any ? Stats.percentileOfSorted(lags, 99) : -1,
                seen.count(), seen.stopped(), baseline < 0 || peak < 0 ? -1 : peak - baseline,
                gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
    }

    /** Collections and milliseconds spent in them, over every collector. */
    private static long[] gcTotals() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }
}
