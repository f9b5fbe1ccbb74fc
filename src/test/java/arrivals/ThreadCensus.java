package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;

/**
 * A {@link ThreadFactory} for {@link Options#threadFactory} that remembers every thread a run made, so a leak
 * check can look at exactly those threads. It replaces the JVM thread dumps the checks used to take: a dump
 * taken while virtual threads mount and unmount can crash HotSpot 25 (JDK-8364343).
 */
final class ThreadCensus implements ThreadFactory {
    /** Far above the microseconds an exiting thread needs; only a thread stuck in a task reaches it. */
    static final Duration LIMIT = Duration.ofSeconds(30);

    private final ThreadFactory base;
    private final Queue<Thread> made = new ConcurrentLinkedQueue<>();

    ThreadCensus() {
        this(Thread.ofVirtual().name("census-", 0).factory());
    }

    ThreadCensus(ThreadFactory base) {
        this.base = base;
    }

    @Override
    public Thread newThread(Runnable body) {
        Thread t = base.newThread(body);
        made.add(t);
        return t;
    }

    /** How many threads the run asked for. */
    int made() {
        return made.size();
    }

    /** Whether {@code t} is one of the threads this census made. */
    boolean madeThread(Thread t) {
        return made.contains(t);
    }

    List<Thread> alive() {
        List<Thread> alive = new ArrayList<>();
        for (Thread t : made) {
            if (t.isAlive()) {
                alive.add(t);
            }
        }
        return alive;
    }

    /**
     * Every thread made ends. A close returns once no thread of the run is inside a task, when a thread may still
     * be leaving; so this waits for each, bounded by {@link #LIMIT}, and fails on one that does not end.
     */
    void assertAllEnd(String context) {
        for (Thread t : made) {
            try {
                t.join(LIMIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(context + ": interrupted while joining " + t, e);
            }
        }
        assertEquals(List.of(), alive(), context + ": threads of the run still alive");
    }

    void assertAllEnd() {
        assertAllEnd("census");
    }
}
