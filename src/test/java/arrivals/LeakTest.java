package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thread counts before and after many runs of every kind, including interrupted, timed-out, fail-fast and
 * abandoned ones. Each run makes its threads through a {@link ThreadCensus}, and every thread it made must end
 * after the run closed. Each such run has a twin with the library's own threads, which are all virtual and so
 * listed by no JVM API short of a thread dump: the twins differ only in who makes the threads, and they are
 * checked through the platform threads, which must not grow. No JVM thread dump is taken: one taken while
 * virtual threads run can crash HotSpot 25 (JDK-8364343).
 */
@Timeout(300)
class LeakTest {
    private static final ProofStats STATS = new ProofStats("Leaks");
    private static final int ROUNDS = 25;
    /** See {@link ProofPlan#patient_GRACE}: load on the machine must not pass for a leak. */
    private static final Options PATIENT = Options.defaults().stopGrace(ProofPlan.PATIENT_GRACE);
    private static final Callable<Integer> SLEEPER = () -> {
        Thread.sleep(60_000);
        return -1;
    };

    @BeforeAll
    static void begin() {
        STATS.begin();
    }

    @AfterAll
    static void report() {
        STATS.report();
    }

    /** One kind of run under the given options: does it, closes it, and returns its id. */
    private interface Kind {
        long run(Options patient) throws Exception;
    }

    private static List<Callable<Integer>> quick(int n) {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            tasks.add(() -> {
                Thread.sleep(index % 3);
                return index;
            });
        }
        return tasks;
    }

    private static List<Callable<Integer>> withSleepers(int quick, int sleepers) {
        List<Callable<Integer>> tasks = new ArrayList<>(quick(quick));
        for (int i = 0; i < sleepers; i++) {
            tasks.add(i * 2 % (tasks.size() + 1), SLEEPER);
        }
        return tasks;
    }

    private static final class RunIds implements RunListener {
        volatile long id;

        @Override
        public void runStarted(RunInfo run) {
            id = run.id();
        }
    }

    private static List<Kind> kinds() {
        return List.of(
                patient -> { // drained
                    try (var results = AsCompleted.of(quick(50), patient)) {
                        results.forEach(done -> { });
                        return results.info().id();
                    }
                },
                patient -> { // left early: close cancels 30 sleepers
                    try (var results = AsCompleted.of(withSleepers(5, 30), patient)) {
                        results.iterator().next();
                        return results.info().id();
                    }
                },
                patient -> { // timed out
                    try (var results = AsCompleted.of(withSleepers(5, 30),
                            patient.timeout(Duration.ofMillis(5)))) {
                        results.forEach(done -> { });
                        STATS.add("timedOutRuns");
                        return results.info().id();
                    }
                },
                patient -> { // consumer interrupted while waiting
                    try (var results = AsCompleted.of(withSleepers(5, 30), patient)) {
                        Thread consumer = Thread.currentThread();
                        Thread.ofVirtual().start(() -> {
                            try {
                                Thread.sleep(3);
                            } catch (InterruptedException e) {
                                return;
                            }
                            consumer.interrupt();
                        });
                        assertThrows(CancellationException.class, () -> results.forEach(done -> { }));
                        assertTrue(Thread.interrupted());
                        STATS.add("interruptedRuns");
                        return results.info().id();
                    }
                },
                patient -> { // fail-fast
                    List<Callable<Integer>> tasks = withSleepers(5, 30);
                    tasks.add(() -> {
                        throw new IllegalStateException("planned");
                    });
                    try (var results = AsCompleted.of(tasks, patient.failFast(true))) {
                        results.forEach(done -> { });
                        return results.info().id();
                    }
                },
                patient -> { // gather timed out
                    RunIds ids = new RunIds();
                    assertThrows(DeadlineExceededException.class, () -> Gather.all(withSleepers(5, 30),
                            patient.timeout(Duration.ofMillis(5)).listener(ids)));
                    STATS.add("timedOutRuns");
                    return ids.id;
                },
                patient -> { // gather interrupted
                    RunIds ids = new RunIds();
                    Thread caller = Thread.currentThread();
                    Thread.ofVirtual().start(() -> {
                        try {
                            Thread.sleep(3);
                        } catch (InterruptedException e) {
                            return;
                        }
                        caller.interrupt();
                    });
                    assertThrows(InterruptedException.class,
                            () -> Gather.settled(withSleepers(5, 30), patient.listener(ids)));
                    Thread.interrupted(); // whatever the timing, no interrupt may reach the next run
                    STATS.add("interruptedRuns");
                    return ids.id;
                },
                patient -> { // gather, bounded concurrency
                    RunIds ids = new RunIds();
                    assertEquals(40, Gather.settled(quick(40),
                            patient.maxConcurrency(3).listener(ids)).size());
                    return ids.id;
                },
                patient -> { // futures past the deadline
                    List<CompletableFuture<Integer>> futures = new ArrayList<>();
                    for (int i = 0; i < 30; i++) {
                        futures.add(i % 2 == 0 ? CompletableFuture.completedFuture(i) : new CompletableFuture<>());
                    }
                    try (var results = AsCompleted.ofFutures(futures, patient.timeout(Duration.ofMillis(2)))) {
                        results.forEach(done -> { });
                        STATS.add("timedOutRuns");
                        return results.info().id();
                    }
                },
                patient -> { // large input: the rest is started by a launcher thread; left early
                    try (var results = AsCompleted.of(withSleepers(300, 300), patient)) {
                        var it = results.iterator();
                        for (int i = 0; i < 5; i++) {
                            it.next();
                        }
                        return results.info().id();
                    }
                },
                patient -> { // short-circuiting stream, closed
                    var results = AsCompleted.of(withSleepers(3, 20), patient);
                    try (var stream = results.stream()) {
                        stream.findFirst();
                    }
                    return results.info().id();
                },
                patient -> { // progress callback throws
                    AtomicInteger calls = new AtomicInteger();
                    var results = AsCompleted.of(withSleepers(5, 20), patient.onProgress((d, t) -> {
                        calls.incrementAndGet();
                        throw new IllegalStateException("planned");
                    }));
                    assertThrows(IllegalStateException.class, () -> results.forEach(done -> { }));
                    assertEquals(1, calls.get());
                    return results.info().id();
                });
    }

    @Test
    void manyRunsOfEveryKindLeaveNoThreadBehind() throws Exception {
        List<Kind> kinds = kinds();
        for (Kind kind : kinds) {
            kind.run(PATIENT); // warm up: the JVM creates its own pools (carrier threads) once
        }
        awaitRunPlatformThreadsEnded();
        Set<String> platformBefore = platformThreads();
        int runs = 0;
        int made = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (Kind kind : kinds) {
                ThreadCensus census = new ThreadCensus();
                long id = kind.run(PATIENT.threadFactory(census));
                census.assertAllEnd("run " + id);
                made += census.made();
                kind.run(PATIENT); // the library's own (virtual) threads: the census above checked its twin
                runs += 2;
            }
        }
        awaitRunPlatformThreadsEnded();
        Set<String> platformAfter = platformThreads();
        Set<String> added = new TreeSet<>(platformAfter);
        added.removeAll(platformBefore);
        STATS.add("runs", runs);
        STATS.add("threadsMadeThroughCensus", made);
        STATS.add("platformThreadsBefore", platformBefore.size());
        STATS.add("platformThreadsAfter", platformAfter.size());
        assertTrue(made > 0, "the census saw no thread at all: is the factory used?");
        // By count: the JDK may replace an idle carrier thread of its own with a new one, which is no leak.
        assertTrue(platformAfter.size() <= platformBefore.size(),
                "platform threads grew from " + platformBefore.size() + " to " + platformAfter.size()
                        + "; new: " + added);
    }

    /** Platform threads only ({@code getAllStackTraces} never lists virtual ones, and takes no thread dump). */
    private static Set<String> platformThreads() {
        Set<String> names = new TreeSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            names.add(t.getName() + "#" + t.threadId());
        }
        return names;
    }

    /** A platform thread of a run (made by a factory) may still be leaving when close returns; it must end. */
    private static void awaitRunPlatformThreadsEnded() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().matches("arrivals-\\d+-.*")) {
                assertTrue(t.join(ThreadCensus.LIMIT), "a run's thread never ended: " + t);
            }
        }
    }
}
