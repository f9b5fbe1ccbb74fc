package arrivals;

import static arrivals.Work.sleeping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RunListenerTest {

    /** Keeps every call as a line of text, in order. */
    static final class Log implements RunListener {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<Completion<?>> delivered = new CopyOnWriteArrayList<>();

        @Override
        public void runStarted(RunInfo run) {
            lines.add("start " + run.strategy() + " " + run.taskCount());
        }

        @Override
        public void delivered(RunInfo run, Completion<?> completion) {
            delivered.add(completion);
            lines.add("delivered #" + completion.index() + " at " + completion.arrival());
        }

        @Override
        public void runEnded(RunInfo run, List<Integer> stillRunning) {
            lines.add("end " + stillRunning);
        }
    }

    @Test
    void asCompletedReportsEachArrivalAsTheConsumerReceivesIt() {
        Log log = new Log();
        try (var results = AsCompleted.of(List.of(sleeping("slow", 300), sleeping("fast", 20)),
                Options.defaults().listener(log))) {
            results.forEach(done -> { });
        }
        assertEquals(List.of("start as-completed 2", "delivered #1 at 0", "delivered #0 at 1", "end []"), log.lines);
    }

    @Test
    void gatherReportsEverythingAtOnceInInputOrder() throws Exception {
        Log log = new Log();
        Gather.all(List.of(sleeping("slow", 300), sleeping("fast", 20)), Options.defaults().listener(log));
        assertEquals(List.of("start gather 2", "delivered #0 at 0", "delivered #1 at 1", "end []"), log.lines);
        Completion<?> slow = log.delivered.get(0);
        Completion<?> fast = log.delivered.get(1);
        assertEquals(slow.received(), fast.received(), "gather hands every result over at the same moment");
        assertTrue(fast.received().compareTo(slow.finished()) >= 0, "and only after the slowest finished");
    }

    @Test
    void anEarlyExitReportsOnlyWhatWasReceived() {
        Log log = new Log();
        try (var results = AsCompleted.of(List.of(sleeping("slow", 5_000), sleeping("fast", 10)),
                Options.defaults().listener(log))) {
            results.iterator().next();
        }
        assertEquals(List.of("start as-completed 2", "delivered #1 at 0", "end []"), log.lines);
    }
}
