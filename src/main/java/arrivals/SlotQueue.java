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

    /** The oldest slot, removed, or null if there is none. */
    Slot<T> poll() {
        Slot<T> slot = head;
        if (slot != null) {
            head = slot.next;
            if (head == null) {
                tail = null;
            }
            slot.next = null;
        }
        return slot;
    }
}
