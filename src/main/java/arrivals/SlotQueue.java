package arrivals;

/**
 * The settled slots of a run, oldest first: a list through {@link Slot#next}, so queueing allocates nothing and
 * can't fail for want of memory. Not thread-safe: the run's lock guards it.
 */
final class SlotQueue<T> {
    private Slot<T> head, tail;

    void add(Slot<T> slot) {
        if (tail == null) {
            head = slot;
        } else {
            tail.next = slot;
        }
        tail = slot;
    }

    boolean isEmpty() {
        return head == null;
    }

    /**
     * Takes every slot at once, oldest first, as a chain through {@link Slot#next}; null if there is none. The
     * consumer then walks the chain without the lock, so a burst of arrivals costs it one lock, not one each.
     */
    Slot<T> drain() {
        Slot<T> chain = head;
        head = null;
        tail = null;
        return chain;
    }
}
