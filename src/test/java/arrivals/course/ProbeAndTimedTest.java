package arrivals.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arrivals.AsCompleted;
import arrivals.Gather;
import arrivals.Task;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ProbeAndTimedTest {

    private static Task<String> pausing(Probe probe, String name, long millis) {
        return Task.of(name, () -> {
            probe.pause(Duration.ofMillis(millis));
            return name;
        });
    }

    @Test
    void thePeakCountsPausesThatOverlapAndNothingElse() throws Exception {
        Probe probe = new Probe();
        Gather.all(List.of(pausing(probe, "a", 100), pausing(probe, "b", 100), pausing(probe, "c", 100)));
        assertEquals(3, probe.peak());
        assertEquals(3, probe.finished());
        assertTrue(probe.allVirtual(), "Gather runs each task on a virtual thread");

        probe.reset();
        for (String name : List.of("a", "b")) {
            pausing(probe, name, 10).call();
        }
        assertEquals(1, probe.peak(), "one after another never overlaps");
        assertFalse(probe.allVirtual(), "the test thread is a platform thread");
        assertEquals(2, probe.onPlatformThreads());
    }

    @Test
    void aProbeAlwaysKnowsWhetherAnythingRanOnAPlatformThread() throws Exception {
        Probe probe = new Probe();
        assertFalse(probe.allVirtual(), "nothing ran yet, so nothing proves virtual threads");
        try (var pool = Executors.newFixedThreadPool(2)) {
            pool.submit(() -> { probe.pause(Duration.ofMillis(5)); return null; }).get();
        }
        assertFalse(probe.allVirtual());
    }

    @Test
    void watchedTasksReportWhetherTheyWereInterruptedOrReturned() throws Exception {
        Probe probe = new Probe();
        List<Task<String>> tasks = List.of(probe.watch(pausing(probe, "fast", 10)), probe.watch(pausing(probe, "slow", 5_000)));
        try (var results = AsCompleted.of(tasks)) {
            results.iterator().next();       // take the fast one, then close: the slow one is cancelled
        }
        assertEquals(Set.of("fast"), probe.completed());
        assertEquals(Set.of("slow"), probe.interrupted());
        probe.reset();
        assertTrue(probe.completed().isEmpty() && probe.interrupted().isEmpty());
    }

    @Test
    void timedMeasuresTheCallAndPassesItsValueAndExceptionsThrough() throws Exception {
        Timed<String> timed = Timed.run(() -> {
            Thread.sleep(50);
            return "done";
        });
        assertEquals("done", timed.value());
        assertTrue(timed.millis() >= 50, "took " + timed.millis());
        assertTrue(Timed.millis(() -> Thread.sleep(20)) >= 20);
        assertThrows(IllegalStateException.class, () -> Timed.run(() -> { throw new IllegalStateException("x"); }));
    }
}
