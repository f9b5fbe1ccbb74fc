package arrivals;

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

    /**
     * The stacks of the platform threads (the consumer among them). Not a full JVM dump: taken while virtual
     * threads are still running, as they are during a hang, that can crash HotSpot 25 (JDK-8364343).
     */
    static String dump() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            out.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (StackTraceElement frame : stack) {
                out.append("    at ").append(frame).append('\n');
            }
        });
        return out.toString();
    }
}
