package arrivals;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one scenario on a consumer thread of its own and fails, with a dump of every thread, if the scenario
 * doesn't end in time. jqwik has no {@code @Timeout}, and a deadlock must show up as a failure, not a hung build.
 */
final class ProofGuard {
    /** Far above any scenario's run time (tens of milliseconds), so only a real hang trips it. */
    static final Duration LIMIT = Duration.ofSeconds(60);

    private ProofGuard() {
    }

    static <T> T within(boolean virtualConsumer, Callable<T> body) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable run = () -> {
            try {
                result.set(body.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        };
        Thread consumer = virtualConsumer
                ? Thread.ofVirtual().name("proof-consumer").unstarted(run)
                : Thread.ofPlatform().name("proof-consumer").daemon().unstarted(run);
        consumer.start();
        try {
            if (!consumer.join(LIMIT)) {
                throw new AssertionError("scenario did not end within " + LIMIT + " (deadlock?)\n" + dump());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the scenario", e);
        }
        Throwable e = failure.get();
        if (e instanceof Error error) {
            throw error;
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e != null) {
            throw new AssertionError(e);
        }
        return result.get();
    }

    /** Every thread's stack, virtual ones included, as plain text. */
    static String dump() {
        try {
            Path dir = Files.createTempDirectory("arrivals-hang");
            Path file = dir.resolve("dump.txt");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
                return Files.readString(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            return "(thread dump failed: " + e + ")";
        }
    }
}
