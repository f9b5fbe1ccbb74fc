package arrivals.course;

import arrivals.Task;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches tasks from the inside, so that a check can see how they really ran instead of trusting the clock:
 * how many waited at the same moment, on which kind of thread, and which ones were interrupted.
 *
 * <pre>{@code
 * Probe probe = new Probe();
 * // in each task:   probe.pause(Duration.ofMillis(300));   instead of Thread.sleep
 * probe.peak();          // the most pauses in progress at one moment: 1 means one after another
 * probe.allVirtual();    // every pause ran on a virtual thread
 * Task<String> t = probe.watch(task);   // notes the name if the task is interrupted
 * probe.interrupted();   // names of watched tasks that were interrupted, sorted
 * }</pre>
 *
 * <p>The counts are exact whatever the machine's speed: a peak of 3 means three pauses overlapped, which a
 * sequential loop can never produce, however fast or slow it runs. Thread-safe; {@link #reset()} starts over.
 */
public final class Probe {
    private static final long SETTLE_MILLIS = 5_000;
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger onPlatformThreads = new AtomicInteger();
    private final Set<String> interrupted = new ConcurrentSkipListSet<>();
    private final Set<String> completed = new ConcurrentSkipListSet<>();

    /** A probe that has seen nothing yet. */
    public Probe() {
    }

    /**
     * Sleeps for {@code wait}, counting this pause while it lasts.
     *
     * @throws InterruptedException if the thread is interrupted while it sleeps (the pause then does not count
     *                              as finished)
     */
    public void pause(Duration wait) throws InterruptedException {
        Objects.requireNonNull(wait, "wait");
        started.incrementAndGet();
        if (!Thread.currentThread().isVirtual()) {
            onPlatformThreads.incrementAndGet();
        }
        peak.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
        try {
            Thread.sleep(wait);
            finished.incrementAndGet();
        } finally {
            inProgress.decrementAndGet();
        }
    }

    /**
     * The same task, noting its name in {@link #interrupted()} if it ends with an {@link InterruptedException},
     * and in {@link #completed()} if it returns.
     */
    public <T> Task<T> watch(Task<T> task) {
        Objects.requireNonNull(task, "task");
        return Task.of(task.name(), () -> {
            try {
                T value = task.call();
                completed.add(task.name());
                return value;
            } catch (InterruptedException e) {
                interrupted.add(task.name());
                throw e;
            }
        });
    }

    /** The most pauses that were in progress at the same moment since the last reset. */
    public int peak() {
        return peak.get();
    }

    /** How many pauses began since the last reset. */
    public int started() {
        return started.get();
    }

    /** How many pauses ran to their end since the last reset. */
    public int finished() {
        return finished.get();
    }

    /** How many pauses are in progress right now. */
    public int inProgress() {
        return inProgress.get();
    }

    /** How many pauses ran on a platform (ordinary) thread instead of a virtual one. */
    public int onPlatformThreads() {
        return onPlatformThreads.get();
    }

    /** True if at least one pause ran, and every pause ran on a virtual thread. */
    public boolean allVirtual() {
        return started.get() > 0 && onPlatformThreads.get() == 0;
    }

    /** Names of watched tasks that were interrupted since the last reset, sorted. */
    public Set<String> interrupted() {
        return new TreeSet<>(interrupted);
    }

    /** Names of watched tasks that returned a value since the last reset, sorted. */
    public Set<String> completed() {
        return new TreeSet<>(completed);
    }

    /**
     * Forgets everything seen so far. It first waits, up to {@value #SETTLE_MILLIS} ms, for pauses still in
     * progress (left running by an earlier attempt that returned without waiting for its threads), so that they
     * don't count in the next measurement.
     */
    public void reset() {
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000L;
        while (inProgress.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        peak.set(inProgress.get());
        started.set(0);
        finished.set(0);
        onPlatformThreads.set(0);
        interrupted.clear();
        completed.clear();
    }

    @Override
    public String toString() {
        return "Probe[peak " + peak() + ", started " + started() + ", finished " + finished() + ", interrupted "
                + interrupted() + "]";
    }
}
