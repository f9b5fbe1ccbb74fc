package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
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
 * abandoned ones: right after each close the JVM's own thread dump (virtual threads included) must list no
 * thread of that run, and at the end no platform thread may have been added.
 */
@Timeout(300)
class LeakTest {
    private static final ProofStats STATS = new ProofStats("Leaks");
    private static final int ROUNDS = 25;
    /** See {@link ProofPlan#PATIENT_GRACE}: load on the machine must not pass for a leak. */
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

    /** One kind of run: does it, closes it, and returns its id, so its threads can be looked for. */
    private interface Kind {
        long run() throws Exception;
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
                () -> { // drained
                    try (var results = AsCompleted.of(quick(50), PATIENT)) {
                        results.forEach(done -> { });
                        return results.info().id();
                    }
                },
                () -> { // left early: close cancels 30 sleepers
                    try (var results = AsCompleted.of(withSleepers(5, 30), PATIENT)) {
                        results.iterator().next();
                        return results.info().id();
                    }
                },
                () -> { // timed out
                    try (var results = AsCompleted.of(withSleepers(5, 30),
                            PATIENT.timeout(Duration.ofMillis(5)))) {
                        results.forEach(done -> { });
                        STATS.add("timedOutRuns");
                        return results.info().id();
                    }
                },
                () -> { // consumer interrupted while waiting
                    try (var results = AsCompleted.of(withSleepers(5, 30), PATIENT)) {
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
                () -> { // fail-fast
                    List<Callable<Integer>> tasks = withSleepers(5, 30);
                    tasks.add(() -> {
                        throw new IllegalStateException("planned");
                    });
                    try (var results = AsCompleted.of(tasks, PATIENT.failFast(true))) {
                        results.forEach(done -> { });
                        return results.info().id();
                    }
                },
                () -> { // gather timed out
                    RunIds ids = new RunIds();
                    assertThrows(DeadlineExceededException.class, () -> Gather.all(withSleepers(5, 30),
                            PATIENT.timeout(Duration.ofMillis(5)).listener(ids)));
                    STATS.add("timedOutRuns");
                    return ids.id;
                },
                () -> { // gather interrupted
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
                            () -> Gather.settled(withSleepers(5, 30), PATIENT.listener(ids)));
                    Thread.interrupted(); // whatever the timing, no interrupt may reach the next run
                    STATS.add("interruptedRuns");
                    return ids.id;
                },
                () -> { // gather, bounded concurrency
                    RunIds ids = new RunIds();
                    assertEquals(40, Gather.settled(quick(40),
                            PATIENT.maxConcurrency(3).listener(ids)).size());
                    return ids.id;
                },
                () -> { // futures past the deadline
                    List<CompletableFuture<Integer>> futures = new ArrayList<>();
                    for (int i = 0; i < 30; i++) {
                        futures.add(i % 2 == 0 ? CompletableFuture.completedFuture(i) : new CompletableFuture<>());
                    }
                    try (var results = AsCompleted.ofFutures(futures, PATIENT.timeout(Duration.ofMillis(2)))) {
                        results.forEach(done -> { });
                        STATS.add("timedOutRuns");
                        return results.info().id();
                    }
                },
                () -> { // large input: the rest is started by a launcher thread; left early
                    try (var results = AsCompleted.of(withSleepers(300, 300), PATIENT)) {
                        var it = results.iterator();
                        for (int i = 0; i < 5; i++) {
                            it.next();
                        }
                        return results.info().id();
                    }
                },
                () -> { // short-circuiting stream
                    var results = AsCompleted.of(withSleepers(3, 20), PATIENT);
                    results.stream().findFirst();
                    return results.info().id();
                },
                () -> { // progress callback throws
                    AtomicInteger calls = new AtomicInteger();
                    var results = AsCompleted.of(withSleepers(5, 20), PATIENT.onProgress((d, t) -> {
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
            kind.run(); // warm up: the JVM creates its own pools (carrier threads, the timeout timer) once
        }
        awaitNoLibraryThreadsAtAll();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Set<String> platformBefore = platformThreads(mx);
        int leaked = 0;
        int runs = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (Kind kind : kinds) {
                long id = kind.run();
                List<String> alive = Work.liveLibraryThreads(id);
                leaked += alive.size();
                assertEquals(List.of(), alive, "threads of run " + id + " alive after it closed");
                runs++;
            }
        }
        List<String> anyLibraryThread = ThreadDump.liveThreadNames().stream()
                .filter(Work::isRunThread).toList();
        assertEquals(List.of(), anyLibraryThread, "library threads alive after all runs");

        Set<String> platformAfter = platformThreads(mx);
        Set<String> added = new TreeSet<>(platformAfter);
        added.removeAll(platformBefore);
        STATS.add("runs", runs);
        STATS.add("leakedThreads", leaked);
        STATS.add("platformThreadsBefore", platformBefore.size());
        STATS.add("platformThreadsAfter", platformAfter.size());
        assertTrue(platformAfter.stream().noneMatch(Work::isRunThread),
                "the library starts only virtual threads, yet: " + platformAfter);
        // By count: the JDK may replace an idle carrier thread of its own with a new one, which is no leak.
        assertTrue(platformAfter.size() <= platformBefore.size(),
                "platform threads grew from " + platformBefore.size() + " to " + platformAfter.size()
                        + "; new: " + added);
    }

    private static Set<String> platformThreads(ThreadMXBean mx) {
        Set<String> names = new TreeSet<>();
        for (ThreadInfo info : mx.dumpAllThreads(false, false)) {
            names.add(info.getThreadName() + "#" + info.getThreadId());
        }
        return names;
    }

    private static void awaitNoLibraryThreadsAtAll() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (ThreadDump.liveThreadNames().stream().noneMatch(Work::isRunThread)) {
                return;
            }
            Thread.sleep(10);
        }
    }
}
