package arrivals.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Everything one benchmark run measured: the trials of each implementation at each N, and the timer floors,
 * with the medians and ranges the report prints.
 *
 * <pre>{@code
 * Results results = new Results();
 * results.add(trial);
 * Optional<Stats.Spread> overhead = results.overhead("arrivals-timers", 100_000);
 * }</pre>
 *
 * <p>A run stopped at its time budget has no overhead (it never finished); its other figures describe the
 * results it did receive. Figures are taken over the runs that finished, and only when every run finished.
 */
final class Results {
    private final Map<String, Map<Integer, List<Trial>>> trials = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Long>>> floors = new LinkedHashMap<>();

    void add(Trial trial) {
        trials.computeIfAbsent(trial.impl(), k -> new TreeMap<>())
                .computeIfAbsent(trial.n(), k -> new ArrayList<>()).add(trial);
    }

    void add(Floor floor) {
        Map<String, List<Long>> byMechanism = floors.computeIfAbsent(floor.language(), k -> new LinkedHashMap<>());
        floor.overshootP50Ns().forEach((mechanism, nanos) ->
                byMechanism.computeIfAbsent(mechanism, k -> new ArrayList<>()).add(nanos));
    }

    List<Trial> trials(String impl, int n) {
        return trials.getOrDefault(impl, Map.of()).getOrDefault(n, List.of());
    }

    boolean anyStopped(String impl, int n) {
        return trials(impl, n).stream().anyMatch(Trial::stopped);
    }

    /** Overhead (wall time minus the longest delay) over the runs, if there are runs and none was stopped. */
    Optional<Stats.Spread> overhead(String impl, int n) {
        return anyStopped(impl, n) ? Optional.empty() : spread(impl, n, t -> t.overheadNs());
    }

    Optional<Stats.Spread> firstResult(String impl, int n) {
        return anyEmpty(impl, n) ? Optional.empty() : spread(impl, n, Trial::firstNs);
    }

    Optional<Stats.Spread> lagP50(String impl, int n) {
        return anyEmpty(impl, n) ? Optional.empty() : spread(impl, n, Trial::lagP50Ns);
    }

    Optional<Stats.Spread> lagP99(String impl, int n) {
        return anyEmpty(impl, n) ? Optional.empty() : spread(impl, n, Trial::lagP99Ns);
    }

    /** Whether a run received no result at all, so it has no first result and no lags. */
    private boolean anyEmpty(String impl, int n) {
        return trials(impl, n).stream().anyMatch(t -> t.received() == 0 && t.n() > 0);
    }

    /** Peak resident-memory growth per task; empty where the platform could not tell. */
    Optional<Stats.Spread> peakPerTask(String impl, int n) {
        if (trials(impl, n).stream().anyMatch(t -> t.peakBytes() < 0)) {
            return Optional.empty();
        }
        return spread(impl, n, Trial::peakBytesPerTask);
    }

    Optional<Stats.Spread> gcMillis(String impl, int n) {
        return spread(impl, n, Trial::gcMs);
    }

    /** Results received by stopped runs (median), for "stopped after k of N". */
    Optional<Stats.Spread> received(String impl, int n) {
        return spread(impl, n, Trial::received);
    }

    Optional<Stats.Spread> wall(String impl, int n) {
        return spread(impl, n, Trial::wallNs);
    }

    /** The ratio of two medians, if both exist. */
    static Optional<Double> ratio(Optional<Stats.Spread> numerator, Optional<Stats.Spread> denominator) {
        if (numerator.isEmpty() || denominator.isEmpty() || denominator.get().median() == 0) {
            return Optional.empty();
        }
        return Optional.of(numerator.get().median() / denominator.get().median());
    }

    /** The median overshoot of a timer mechanism over the floor measurements, by language and mechanism. */
    Map<String, Map<String, Stats.Spread>> floors() {
        Map<String, Map<String, Stats.Spread>> out = new LinkedHashMap<>();
        floors.forEach((language, byMechanism) -> {
            Map<String, Stats.Spread> spreads = new LinkedHashMap<>();
            byMechanism.forEach((mechanism, values) ->
                    spreads.put(mechanism, Stats.spread(values.stream().mapToDouble(Long::doubleValue).toArray())));
            out.put(language, spreads);
        });
        return out;
    }

    /** The reference timer floor: the median overshoot of a plain Thread.sleep on a platform thread. */
    Optional<Stats.Spread> timerFloor() {
        return Optional.ofNullable(floors().getOrDefault("java", Map.of()).get(Floor.PLATFORM_SLEEP));
    }

    private Optional<Stats.Spread> spread(String impl, int n, ToDoubleFunction<Trial> figure) {
        List<Trial> runs = trials(impl, n);
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Stats.spread(runs.stream().mapToDouble(figure).toArray()));
    }
}
