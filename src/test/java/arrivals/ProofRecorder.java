package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A RunListener and progress callback that record every call, with the calling thread, for one run, and check
 * the orders their contracts promise.
 */
final class ProofRecorder implements RunListener, Progress {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<Completion<?>> delivered = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> progressDone = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> progressTotal = Collections.synchronizedList(new ArrayList<>());
    final List<Thread> progressThreads = Collections.synchronizedList(new ArrayList<>());
    volatile RunInfo run;
    volatile List<Integer> stillRunningAtEnd;

    @Override
    public void runStarted(RunInfo run) {
        this.run = run;
        events.add("start");
    }

    @Override
    public void delivered(RunInfo run, Completion<?> completion) {
        delivered.add(completion);
        events.add("delivered");
    }

    @Override
    public void runEnded(RunInfo run, List<Integer> stillRunning) {
        stillRunningAtEnd = stillRunning;
        events.add("end");
    }

    @Override
    public void update(int done, int total) {
        progressDone.add(done);
        progressTotal.add(total);
        progressThreads.add(Thread.currentThread());
    }

    /** runStarted, then one delivered per received completion, then runEnded once. */
    void checkListener(String strategy, int size, int deliveredCount, String context) {
        List<String> expected = new ArrayList<>();
        expected.add("start");
        expected.addAll(Collections.nCopies(deliveredCount, "delivered"));
        expected.add("end");
        assertEquals(expected, List.copyOf(events), context + ": listener calls");
        assertEquals(strategy, run.strategy(), context);
        assertEquals(size, run.taskCount(), context);
    }

    /** (done, total) rose by one from 1 to {@code count}, every call on {@code consumer}. */
    void checkProgress(int count, int total, Thread consumer, String context) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            expected.add(i);
        }
        assertEquals(expected, List.copyOf(progressDone), context + ": progress counts");
        assertTrue(progressTotal.stream().allMatch(t -> t == total), context + ": progress totals " + progressTotal);
        for (Thread t : List.copyOf(progressThreads)) {
            assertSame(consumer, t, context + ": progress called off the consuming thread");
        }
    }
}
