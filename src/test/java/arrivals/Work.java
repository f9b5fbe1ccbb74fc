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

    /** Like {@link #cancellable(String, AtomicInteger)}, counting {@code started} down once it is running. */
    static Callable<String> cancellable(String name, AtomicInteger interrupted, CountDownLatch started) {
        Callable<String> body = cancellable(name, interrupted);
        return Task.of(name, () -> {
            started.countDown();
            return body.call();
        });
    }

    /** Returns {@code name} once every task counting {@code started} is running: a first result, never too early. */
    static Callable<String> firstAfter(String name, CountDownLatch started) {
        return Task.of(name, () -> {
            started.await();
            return name;
        });
    }

    /** Throws {@code error} once every task counting {@code started} is running. */
    static Callable<String> failingAfter(String name, CountDownLatch started, Exception error) {
        return Task.of(name, () -> {
            started.await();
            throw error;
        });
    }

    /** Waits for {@code gate}, so a test decides the finishing order without relying on timing. */
    static Callable<String> gated(String name, CountDownLatch gate) {
        return Task.of(name, () -> {
            gate.await();
            return name;
        });
    }
}
