package arrivals;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Small task builders shared by the core tests. */
final class Work {
    private Work() {
    }

    static Callable<String> sleeping(String name, long millis) {
        return Task.of(name, () -> {
            Thread.sleep(millis);
            return name;
        });
    }

    static Callable<String> failing(String name, long millis, Exception error) {
        return Task.of(name, () -> {
            Thread.sleep(millis);
            throw error;
        });
    }

    /** Sleeps long, counting how many of these saw the interrupt that cancelled them. */
    static Callable<String> cancellable(String name, AtomicInteger interrupted) {
        return Task.of(name, () -> {
            try {
                Thread.sleep(60_000);
                return name;
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
        });
    }

    /** Waits for {@code gate}, so a test decides the finishing order without relying on timing. */
    static Callable<String> gated(String name, CountDownLatch gate) {
        return Task.of(name, () -> {
            gate.await();
            return name;
        });
    }

    /** Names of live threads (virtual ones included) that the library started for run {@code runId}. */
    static java.util.List<String> liveLibraryThreads(long runId) {
        String prefix = "arrivals-" + runId + "-";
        return ThreadDump.liveThreadNames().stream().filter(n -> n.startsWith(prefix)).toList();
    }
}
