package arrivals.bench;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

/**
 * The timer floor: by how much a lone sleep or timer overshoots the time it was asked for, on an idle
 * scheduler. No design can deliver results sooner after they are due than this, so delivery lags are judged
 * against it. Each value is the median overshoot, in nanoseconds, of a series of waits between 0.1 and 2 ms.
 *
 * <pre>{@code
 * Floor floor = Floor.measure(42, 200);
 * long sleep = floor.overshootP50Ns().get(Floor.PLATFORM_SLEEP);
 * }</pre>
 *
 * @param language        "java" or "python"
 * @param overshootP50Ns  the median overshoot of each mechanism, by name, in measuring order
 */
record Floor(String language, Map<String, Long> overshootP50Ns) {
    /** The reference floor the delivery-lag target is judged against. */
    static final String PLATFORM_SLEEP = "Thread.sleep (platform thread)";
    static final String VIRTUAL_SLEEP = "Thread.sleep (virtual thread)";
    static final String TIMER = "CompletableFuture timer";

    /** Measures each Java mechanism {@code samples} times (after a short warm-up). */
    static Floor measure(long seed, int samples) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(seed);
        long[] waits = random.longs(samples, 100_000, 2_000_000).toArray();
        Map<String, Long> medians = new LinkedHashMap<>();
        medians.put(PLATFORM_SLEEP, median(waits, Floor::sleepOvershoot));
        long[] virtual = new long[1];
        Thread thread = Thread.ofVirtual().start(() -> virtual[0] = median(waits, Floor::sleepOvershoot));
        thread.join();
        medians.put(VIRTUAL_SLEEP, virtual[0]);
        medians.put(TIMER, median(waits, Floor::timerOvershoot));
        return new Floor("java", medians);
    }

    private static long median(long[] waits, LongUnaryOperator overshoot) {
        for (int i = 0; i < Math.min(20, waits.length); i++) {
            overshoot.applyAsLong(waits[i]); // warm-up: the first waits pay for class loading and compilation
        }
        long[] over = new long[waits.length];
        for (int i = 0; i < waits.length; i++) {
            over[i] = overshoot.applyAsLong(waits[i]);
        }
        return Stats.percentile(over, 50);
    }

    private static long sleepOvershoot(long nanos) {
        long start = System.nanoTime();
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the timer floor", e);
        }
        return System.nanoTime() - start - nanos;
    }

    /** When the timer itself fired (its callback ran), not when a waiting thread woke up afterwards. */
    private static long timerOvershoot(long nanos) {
        long start = System.nanoTime();
        CompletableFuture<Long> fired = new CompletableFuture<Long>()
                .completeOnTimeout(0L, nanos, TimeUnit.NANOSECONDS)
                .thenApply(ignored -> System.nanoTime());
        return fired.join() - start - nanos;
    }

    String toJson() {
        try {
            return Trial.json().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + this + " as JSON", e);
        }
    }

    /**
     * Reads a floor printed by {@link #toJson()} or by {@code bench/asyncio_bench.py}.
     *
     * @throws IllegalArgumentException if {@code json} is not such a floor
     */
    static Floor fromJson(String json) {
        try {
            return Trial.json().readValue(json, Floor.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a timer floor: " + json, e);
        }
    }
}
