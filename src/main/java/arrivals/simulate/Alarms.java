package arrivals.simulate;

import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One daemon thread that runs actions at given moments, for every timer-driven simulated task at once.
 *
 * <p>Why not {@code CompletableFuture.delayedExecutor}: it computes each deadline from its own reading of the
 * clock, so two tasks with equal delays created a few nanoseconds apart may fire in either order, and it runs
 * the action on a pool where two due actions race. Here every action of a batch is due at an exact moment
 * measured from one origin, and a single thread fires them strictly by (due time, sequence number): equal
 * delays always finish in creation order, and a late timer thread delays results without reordering them.
 */
final class Alarms {
    private static final DelayQueue<Alarm> QUEUE = new DelayQueue<>();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    static {
        Thread thread = new Thread(Alarms::fire, "arrivals-simulated-timer");
        thread.setDaemon(true);
        thread.start();
    }

    private Alarms() {
    }

    /** Runs {@code action} on the timer thread once {@code System.nanoTime()} reaches {@code dueNanos}. */
    static void at(long dueNanos, Runnable action) {
        QUEUE.add(new Alarm(dueNanos, SEQUENCE.getAndIncrement(), action));
    }

    private static void fire() {
        while (true) {
            Alarm alarm;
            try {
                alarm = QUEUE.take();
            } catch (InterruptedException e) {
                continue; // nobody owns this thread but us; an interrupt is noise
            }
            try {
                alarm.action.run();
            } catch (Throwable e) {
                // Must not happen (completing a future captures its dependants' exceptions), but if it
                // does, the other alarms still have to fire.
                e.printStackTrace();
            }
        }
    }

    private record Alarm(long dueNanos, long sequence, Runnable action) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Alarm that = (Alarm) other;
            int byTime = Long.compare(dueNanos - that.dueNanos, 0); // overflow-safe, like ScheduledFutureTask
            return byTime != 0 ? byTime : Long.compare(sequence, that.sequence);
        }
    }
}
