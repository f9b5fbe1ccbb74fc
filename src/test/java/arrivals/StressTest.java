package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Large inputs at the default heap: a million timer-driven futures through {@link AsCompleted#ofFutures}, and
 * a hundred thousand blocking callables through {@link AsCompleted#of}, each result delivered exactly once and in
 * settling order. The times printed are measurements of this run, not assertions.
 */
class StressTest {
    private static final ProofStats STATS = new ProofStats("Stress");

    @BeforeAll
    static void begin() {
        STATS.begin();
    }

    @AfterAll
    static void report() {
        STATS.report();
    }

    @Test
    @Timeout(120)
    void aMillionTimerDrivenFuturesArriveExactlyOnce() {
        int n = 1_000_000;
        Random random = new Random(42);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("stress-timer").daemon().unstarted(r));
        try {
            long start = System.nanoTime();
            List<CompletableFuture<Integer>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                CompletableFuture<Integer> future = new CompletableFuture<>();
                // Whole milliseconds over one second: about a thousand futures share each instant.
                timer.schedule(() -> future.complete(index), random.nextInt(1_000), TimeUnit.MILLISECONDS);
                futures.add(future);
            }
            long scheduled = System.nanoTime();
            AtomicLong progress = new AtomicLong();
            BitSet seen = new BitSet(n);
            long firstResult = -1;
            Duration lastFinished = Duration.ZERO;
            int count = 0;
            try (var results = AsCompleted.ofFutures(futures,
                    Options.defaults().onProgress((done, total) -> progress.set(done)))) {
                for (Completion<Integer> done : results) {
                    if (firstResult < 0) {
                        firstResult = System.nanoTime();
                    }
                    assertEquals(count, done.arrival());
                    assertEquals(done.index(), done.value());
                    assertFalse(seen.get(done.index()), "delivered twice: " + done.index());
                    seen.set(done.index());
                    assertFalse(done.finished().compareTo(lastFinished) < 0, "out of settling order at " + count);
                    lastFinished = done.finished();
                    count++;
                }
            }
            long end = System.nanoTime();
            assertEquals(n, count);
            assertEquals(n, seen.cardinality());
            assertEquals(n, progress.get());
            STATS.max("largestN", n);
            STATS.add("futuresDelivered", count);
            STATS.add("scheduleMillis", (scheduled - start) / 1_000_000);
            STATS.add("firstResultMillis", (firstResult - scheduled) / 1_000_000);
            STATS.add("futuresWallMillis", (end - start) / 1_000_000);
            STATS.add("heapUsedMB", heapUsedMegabytes());
            STATS.add("maxHeapMB", Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    @Timeout(120)
    void aHundredThousandBlockingCallablesArriveExactlyOnce() {
        int n = 100_000;
        List<Callable<Integer>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            tasks.add(() -> {
                Thread.sleep(index % 50); // 0-49 ms: a thread per task, most of them parked at once
                return index;
            });
        }
        long start = System.nanoTime();
        BitSet seen = new BitSet(n);
        int count = 0;
        ThreadCensus census = new ThreadCensus();
        try (var results = AsCompleted.of(tasks,
                Options.defaults().stopGrace(ProofPlan.PATIENT_GRACE).threadFactory(census))) {
            for (Completion<Integer> done : results) {
                assertEquals(done.index(), done.value());
                assertFalse(seen.get(done.index()));
                seen.set(done.index());
                count++;
            }
        }
        long end = System.nanoTime();
        assertEquals(n, count);
        census.assertAllEnd("threads of the run after close");
        STATS.add("callablesDelivered", count);
        STATS.add("callablesWallMillis", (end - start) / 1_000_000);
    }

    private static long heapUsedMegabytes() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getPeakUsage().getUsed();
            }
        }
        return used >> 20;
    }
}
