package arrivals.bench;

import java.util.List;
import java.util.Optional;

/**
 * Why an Arrivals implementation misses a target, as far as this run's own figures explain it: each reason
 * names the mechanism and quotes the implementation that isolates it (the same tasks without the library, or
 * the timer-driven design), so the reader can check the claim in the tables.
 */
final class Reasons {
    private static final String QUEUE = JavaImpl.FUTURES_QUEUE.id;
    private static final String SERVICE = JavaImpl.COMPLETION_SERVICE.id;
    private static final String TIMERS = JavaImpl.AS_COMPLETED_TIMERS.id;

    private Reasons() {
    }

    /** Whether the entry runs a virtual thread per task (rather than timers). */
    private static boolean threads(Lineup.Entry entry) {
        return !entry.id().equals(TIMERS);
    }

    /** The plain-JDK implementation running the same kind of tasks as {@code entry}. */
    private static String sameTasksWithoutLibrary(Lineup.Entry entry) {
        return threads(entry) ? SERVICE : QUEUE;
    }

    private static String ratioToAsyncio(Results results, String id, int n) {
        return Results.ratio(results.overhead(id, n), results.overhead(Lineup.ASYNCIO_AS_COMPLETED, n))
                .map(Format::ratio).orElse("n/a");
    }

    private static String median(Optional<Stats.Spread> spread, Format.Kind kind) {
        return spread.map(s -> kind == Format.Kind.TIME ? Format.duration(s.median()) : Format.size(s.median()))
                .orElse("n/a");
    }

    static String overhead(Lineup.Entry entry, Results results, int n) {
        if (threads(entry)) {
            return "Each pending task is a parked virtual thread: starting, parking and waking them costs"
                    + " microseconds of CPU per task, far more than arming a timer. Against asyncio-as_completed,"
                    + " the timer-driven `" + TIMERS + "` reaches " + ratioToAsyncio(results, TIMERS, n)
                    + " and the plain JDK ExecutorCompletionService on the same threads (`" + SERVICE + "`) "
                    + ratioToAsyncio(results, SERVICE, n) + "; on top of the thread, the library keeps a slot per"
                    + " task and names and tracks each thread so that close() can stop and join it.";
        }
        return "All N timers fall due within one second and the JDK's single delay-scheduler thread fires them one"
                + " by one; the same timers without the library (`" + QUEUE + "`) reach "
                + ratioToAsyncio(results, QUEUE, n) + ".";
    }

    static String firstResult(Lineup.Entry entry) {
        if (threads(entry)) {
            return "The first tasks to finish wait for a carrier thread behind the virtual threads still being"
                    + " started.";
        }
        return "The JDK's delay scheduler fires due timers only once it has caught up with newly armed ones, and"
                + " a large input arms them back to back.";
    }

    static String lag(Lineup.Entry entry, Results results, List<Integer> missed) {
        StringBuilder why = new StringBuilder();
        String baseline = sameTasksWithoutLibrary(entry);
        why.append("The same tasks without the library (`").append(baseline).append("`) lag ");
        for (int i = 0; i < missed.size(); i++) {
            int n = missed.get(i);
            why.append(i == 0 ? "" : ", ").append(median(results.lagP50(baseline, n), Format.Kind.TIME))
                    .append(" at ").append(Format.count(n));
        }
        why.append(". Where the lag is far above the floor, results fall due faster (N per second) than one"
                + " consumer takes them on two shared cores, and they wait in the queue: the lag measures that"
                + " backlog, not the timer.");
        if (threads(entry)) {
            Optional<Stats.Spread> virtual = Optional.ofNullable(
                    results.floors().getOrDefault("java", java.util.Map.of()).get(Floor.VIRTUAL_SLEEP));
            virtual.ifPresent(floor -> why.append(" A virtual thread's own sleep overshoots by ")
                    .append(Format.duration(floor.median())).append(" here, more than the platform-thread floor"
                            + " the target uses; near the floor that alone decides the verdict."));
        }
        return why.toString();
    }

    static String scaling(Lineup.Entry entry, Results results) {
        String baseline = sameTasksWithoutLibrary(entry);
        return "The same tasks without the library (`" + baseline + "`) scale by " + scalingOf(results, baseline)
                + " and asyncio by " + scalingOf(results, Lineup.ASYNCIO_AS_COMPLETED)
                + ": per-task costs grow with N at these sizes (more pending timers and parked threads, more"
                + " memory touched for the first time), and the spread between runs is wide (see the table).";
    }

    private static String scalingOf(Results results, String id) {
        return Results.ratio(results.overhead(id, Targets.SCALING_LARGE), results.overhead(id, Targets.SCALING_SMALL))
                .map(Format::ratio).orElse("n/a");
    }

    static String memory(Lineup.Entry entry, Results results, int n) {
        if (threads(entry)) {
            return "A parked virtual thread (its stack chunk, Thread and continuation objects and its sleep"
                    + " timer) takes about 1 KB on its own: the plain JDK version on the same threads (`" + SERVICE
                    + "`) uses "
                    + median(results.peakPerTask(SERVICE, n), Format.Kind.SIZE) + " per task. The library adds"
                    + " its slot, the thread's name and its entry in the set close() joins. The timer-driven"
                    + " design (`" + TIMERS + "`) needs " + median(results.peakPerTask(TIMERS, n), Format.Kind.SIZE)
                    + ".";
        }
        return "Each task holds its future, its timer entry, the completion callback and its slot; the figure also"
                + " counts garbage not yet collected. The same timers without the library (`" + QUEUE + "`): "
                + median(results.peakPerTask(QUEUE, n), Format.Kind.SIZE) + ".";
    }
}
