package arrivals.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The targets, checked against one benchmark run. Each check names the Arrivals implementation, the
 * figure measured, the limit, and whether it was met; a missed target carries the reason the evidence points
 * to. Targets are ratios within the run (to asyncio, to the timer floor, between sizes) so that other programs
 * sharing the machine affect both sides of each comparison.
 *
 * <pre>{@code
 * for (Targets.Check check : Targets.check(results, entries, ns)) System.out.println(check);
 * }</pre>
 */
final class Targets {
    static final double OVERHEAD_RATIO_LIMIT = 0.10;
    static final double FIRST_RESULT_LIMIT_NS = 50e6;
    static final double LAG_FLOOR_MULTIPLE = 1.5;
    static final double SCALING_LIMIT = 10;
    static final double BYTES_PER_TASK_LIMIT = 1024;
    static final int SCALING_SMALL = 10_000;
    static final int SCALING_LARGE = 100_000;

    private Targets() {
    }

    /** One target for one implementation. {@code met} is empty when the run could not measure it. */
    record Check(String target, String impl, String measured, Optional<Boolean> met, String why) {
        String verdict() {
            return met.map(m -> m ? "met" : "**missed**").orElse("not measured");
        }
    }

    static List<Check> check(Results results, List<Lineup.Entry> entries, List<Integer> ns) {
        List<Check> checks = new ArrayList<>();
        int largest = ns.get(ns.size() - 1);
        String atLargest = "at N = " + Format.count(largest)
                + (largest < 1_000_000 ? " (this run's largest N; the target is set at 1,000,000)" : "");
        for (Lineup.Entry entry : entries) {
            if (entry.arrivals()) {
                checks.add(overheadVsAsyncio(results, entry, largest, atLargest));
            }
        }
        for (Lineup.Entry entry : entries) {
            if (entry.arrivals()) {
                checks.add(firstResult(results, entry, ns));
            }
        }
        for (Lineup.Entry entry : entries) {
            if (entry.arrivals()) {
                checks.add(lagVsFloor(results, entry, ns));
            }
        }
        for (Lineup.Entry entry : entries) {
            if (entry.arrivals()) {
                checks.add(scaling(results, entry));
            }
        }
        for (Lineup.Entry entry : entries) {
            if (entry.arrivals()) {
                checks.add(memory(results, entry, largest, atLargest));
            }
        }
        return checks;
    }

    private static Check overheadVsAsyncio(Results results, Lineup.Entry entry, int n, String at) {
        String target = "overhead ≤ 0.10× " + entry.reference() + "'s, " + at;
        Optional<Double> ratio = Results.ratio(results.overhead(entry.id(), n), results.overhead(entry.reference(), n));
        if (ratio.isEmpty()) {
            return new Check(target, entry.id(), "n/a", Optional.empty(), "no figure for one side of the ratio");
        }
        boolean met = ratio.get() <= OVERHEAD_RATIO_LIMIT;
        return new Check(target, entry.id(), "ratio " + Format.ratio(ratio.get()) + " ("
                + Format.duration(results.overhead(entry.id(), n).get().median()) + " vs "
                + Format.duration(results.overhead(entry.reference(), n).get().median()) + ")",
                Optional.of(met), met ? "" : Reasons.overhead(entry, results, n));
    }

    private static Check firstResult(Results results, Lineup.Entry entry, List<Integer> ns) {
        String target = "time to first result ≤ 50 ms at every N";
        if (entry.gather()) {
            return new Check(target, entry.id(), "= wall time by design", Optional.empty(),
                    "not applicable: gather hands over nothing until every task is done");
        }
        double worst = -1;
        int worstN = -1;
        List<String> over = new ArrayList<>();
        for (int n : ns) {
            Optional<Stats.Spread> first = results.firstResult(entry.id(), n);
            if (first.isEmpty()) {
                continue;
            }
            if (first.get().median() > worst) {
                worst = first.get().median();
                worstN = n;
            }
            if (first.get().median() > FIRST_RESULT_LIMIT_NS) {
                over.add(Format.count(n));
            }
        }
        if (worstN < 0) {
            return new Check(target, entry.id(), "n/a", Optional.empty(), "no run received a result");
        }
        return new Check(target, entry.id(), "worst " + Format.duration(worst) + " (N = " + Format.count(worstN) + ")",
                Optional.of(over.isEmpty()), over.isEmpty() ? "" : "over at N = " + String.join(", ", over)
                + ". " + Reasons.firstResult(entry));
    }

    private static Check lagVsFloor(Results results, Lineup.Entry entry, List<Integer> ns) {
        Optional<Stats.Spread> floor = results.timerFloor();
        String target = "delivery lag p50 ≤ 1.5× the timer floor"
                + floor.map(f -> " (" + Format.duration(LAG_FLOOR_MULTIPLE * f.median()) + ")").orElse("");
        if (entry.gather()) {
            return new Check(target, entry.id(), "≈ half the wall time by design", Optional.empty(),
                    "not applicable: gather delivers every result at the end");
        }
        if (floor.isEmpty()) {
            return new Check(target, entry.id(), "n/a", Optional.empty(), "the timer floor was not measured");
        }
        double limit = LAG_FLOOR_MULTIPLE * floor.get().median();
        List<String> met = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        List<Integer> missedNs = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        for (int n : ns) {
            Optional<Stats.Spread> lag = results.lagP50(entry.id(), n);
            if (lag.isEmpty()) {
                continue;
            }
            double multiple = lag.get().median() / floor.get().median();
            figures.add(Format.count(n) + ": " + Format.ratio(multiple) + "×");
            (lag.get().median() <= limit ? met : missed).add(Format.count(n));
            if (lag.get().median() > limit) {
                missedNs.add(n);
            }
        }
        if (figures.isEmpty()) {
            return new Check(target, entry.id(), "n/a", Optional.empty(), "no lag measured");
        }
        String why = missed.isEmpty() ? "" : (met.isEmpty() ? "missed at every N" : "met at N = "
                + String.join(", ", met) + "; missed at N = " + String.join(", ", missed)) + ". "
                + Reasons.lag(entry, results, missedNs);
        return new Check(target, entry.id(), "lag ÷ floor: " + String.join("; ", figures),
                Optional.of(missed.isEmpty()), why);
    }

    private static Check scaling(Results results, Lineup.Entry entry) {
        String target = "overhead(100,000) ÷ overhead(10,000) ≤ 10";
        Optional<Double> ratio = Results.ratio(results.overhead(entry.id(), SCALING_LARGE),
                results.overhead(entry.id(), SCALING_SMALL));
        if (ratio.isEmpty()) {
            return new Check(target, entry.id(), "n/a", Optional.empty(), "N = 10,000 or 100,000 was not run");
        }
        boolean met = ratio.get() <= SCALING_LIMIT;
        return new Check(target, entry.id(), Format.ratio(ratio.get()), Optional.of(met),
                met ? "" : Reasons.scaling(entry, results));
    }

    private static Check memory(Results results, Lineup.Entry entry, int n, String at) {
        String target = "peak memory ≤ 1 KB per pending task, " + at;
        Optional<Stats.Spread> perTask = results.peakPerTask(entry.id(), n);
        if (perTask.isEmpty()) {
            return new Check(target, entry.id(), "n/a", Optional.empty(), "resident memory is readable on Linux only");
        }
        boolean met = perTask.get().median() <= BYTES_PER_TASK_LIMIT;
        return new Check(target, entry.id(), Format.size(perTask.get().median()) + " per task",
                Optional.of(met), met ? "" : Reasons.memory(entry, results, n));
    }
}
