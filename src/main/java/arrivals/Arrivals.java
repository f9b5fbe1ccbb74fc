package arrivals;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The settled slots of a run, in the order they settled, handed to one consumer. Settling threads push onto a
 * stack with one compare-and-set each, no lock: on two carriers, tasks that end together would otherwise queue
 * for a lock and park, which costs more than the rest of their bookkeeping. The stack is a list through
 * {@link Slot#next}, so pushing allocates nothing and can't fail for want of memory.
 *
 * <p>The consumer never pops: it remembers the newest slot it has collected and, at its next look, walks down
 * from the new top to that one and reverses the walk into arrival order. The top therefore only ever changes by
 * a push of a slot never pushed before, so a push that compares with the top it read can't be fooled by a top
 * that went away and came back (no ABA). That is also what makes the finish stamps ordered: a push reads the
 * top, then the clock, and succeeds only if no push came between, so every slot below it was stamped earlier.
 */
final class Arrivals<T> {
    private static final VarHandle NEWEST;

    static {
        try {
            NEWEST = MethodHandles.lookup().findVarHandle(Arrivals.class, "newest", Slot.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile Slot<T> newest;
    private volatile Thread waiter; // the consumer, while it parks
    private volatile int wakeAt; // how many settled slots the parked consumer waits for
    private Slot<T> collected; // consumer only: the newest slot already walked
    private Slot<T> ready; // consumer only: collected slots not yet taken, oldest first

    /**
     * Stamps the slot's finish on the run's clock and queues it, as one step, and wakes the consumer if it waits
     * for it; returns how many slots have settled, this one included. The count rides on the slots
     * ({@link Slot#settledSoFar}), so no counter is shared.
     */
    int push(Slot<T> slot, Run<T> run) {
        Slot<T> top;
        int count;
        do {
            top = newest;
            slot.next = top;
            count = top == null ? 1 : top.settledSoFar + 1;
            slot.settledSoFar = count;
            slot.finishedNanos = run.stamp(slot.state() != Slot.SUCCESS); // read after the top: see above
        } while (!NEWEST.compareAndSet(this, top, slot));
        Thread w = waiter; // read after the push, as the consumer writes itself here before it looks again
        if (w != null && count >= wakeAt) {
            LockSupport.unpark(w);
        }
        return count;
    }

    /** How many slots have settled so far. */
    int settled() {
        Slot<T> top = newest;
        return top == null ? 0 : top.settledSoFar;
    }

    /**
     * The oldest settled slot not yet taken, waiting for one if need be; consumer only. Before it parks, it runs
     * {@code instead}, and looks again if that did some work (the run's consumer launches tasks that way).
     *
     * @throws InterruptedException if the consumer is interrupted while it waits (nothing is taken then)
     */
    Slot<T> take(BooleanSupplier instead) throws InterruptedException {
        while (ready == null && !collect()) {
            if (!instead.getAsBoolean()) {
                park(0);
            }
        }
        Slot<T> slot = ready;
        ready = slot.next;
        slot.next = null; // a delivered slot keeps nothing alive
        return slot;
    }

    /** Waits until {@code target} slots have settled; consumer only. */
    void awaitSettled(int target) throws InterruptedException {
        while (settled() < target) {
            park(target);
        }
    }

    /** Moves newly pushed slots to {@link #ready}, oldest first; false if there were none. */
    private boolean collect() {
        Slot<T> top = newest;
        Slot<T> stop = collected;
        if (top == stop) {
            return false;
        }
        collected = top;
        Slot<T> chain = null;
        for (Slot<T> s = top; s != stop; ) { // pushes only link downwards, so this reaches stop
            Slot<T> older = s.next;
            s.next = chain;
            chain = s;
            s = older;
        }
        ready = chain;
        return true;
    }

    /**
     * Parks until woken or interrupted. The consumer writes itself as the waiter before it looks again, and a
     * pusher reads the waiter after it pushed, so one of the two always sees the other: no wake-up is lost.
     */
    private void park(int target) throws InterruptedException {
        wakeAt = target; // 0: any new slot
        waiter = Thread.currentThread();
        try {
            if (target == 0 ? newest == collected : settled() < target) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            waiter = null;
        }
    }
}
