package arrivals.bench;

/**
 * Why an Arrivals implementation misses a target, as far as the mechanisms measured here explain it. Only
 * printed next to a missed target; each reason names the mechanism and the design that avoids it.
 */
final class Reasons {
    private Reasons() {
    }

    private static boolean threads(Lineup.Entry entry) {
        return !entry.id().equals(JavaImpl.AS_COMPLETED_TIMERS.id);
    }

    static String overhead(Lineup.Entry entry) {
        if (threads(entry)) {
            return "Each pending task is a parked virtual thread: starting, parking and waking a million threads"
                    + " costs microseconds of CPU each on two shared cores, far more than arming a timer."
                    + " arrivals-timers runs the same workload with no thread per task.";
        }
        return "All N timers fall due within one second, so one consumer must take N results per second on two"
                + " cores shared with the timer thread, the thread starting the tasks, and other programs.";
    }

    static String firstResult(Lineup.Entry entry) {
        return "Before the first task starts, the run copies the N tasks into N slots on the calling thread,"
                + " O(N) work that allocates tens of megabytes at a million tasks; the first tasks then share"
                + " the cores with the background thread that starts the rest.";
    }

    static String lag(Lineup.Entry entry) {
        return "At large N, results fall due faster (N per second) than one consumer takes them on two shared"
                + " cores, so they wait in the arrival queue: the lag then measures that backlog, not the timer.";
    }

    static String scaling(Lineup.Entry entry) {
        return "Costs that grow faster than N at this size: the collector copying parked threads' stacks, or"
                + " the consumer falling behind so that results queue up.";
    }

    static String memory(Lineup.Entry entry) {
        if (threads(entry)) {
            return "A parked virtual thread keeps its stack frames in a heap stack chunk, plus its Thread and"
                    + " continuation objects and its sleep timer: about 1 KB per task before the library adds"
                    + " its slot. A timer-driven task (arrivals-timers) needs a few hundred bytes.";
        }
        return "Each task holds its future, its timer entry, the completion callback and its slot; the figure"
                + " also counts garbage not yet collected (no collection runs during the measured run).";
    }
}
