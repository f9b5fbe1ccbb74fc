package arrivals;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A run's input positions. Position i holds the caller's task until its slot is made (when it is launched, or
 * cancelled), then the slot: a large input starts its first tasks without first allocating a slot for each.
 * A caller's task is never a {@link Slot} (a package-private type), which tells the two apart.
 */
final class Positions<T> {
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);

    private final Object[] held;
    private final boolean async;

    /** Copies {@code tasks} (later changes to the caller's collection can't race with launches). */
    Positions(Collection<?> tasks, String name, boolean async) {
        this.held = Objects.requireNonNull(tasks, name).toArray(new Object[0]);
        this.async = async;
        for (int i = 0; i < held.length; i++) {
            if (held[i] == null) {
                throw new NullPointerException(name + "[" + i + "] is null");
            }
        }
    }

    int size() {
        return held.length;
    }

    boolean isAsync() {
        return async;
    }

    /** Replaces every task with its slot now (futures are running already, so each is watched from the start). */
    @SuppressWarnings("unchecked")
    void makeAll(Run<T> run) {
        for (int i = 0; i < held.length; i++) {
            held[i] = new FutureSlot<>(i, null, run, (CompletableFuture<? extends T>) held[i]);
        }
    }

    /** The slot at {@code index}, made now if it does not exist yet; every caller gets the same one. */
    @SuppressWarnings("unchecked")
    Slot<T> slot(int index, Run<T> run) {
        Object task = ELEMENT.getVolatile(held, index);
        if (task instanceof Slot<?> existing) {
            return (Slot<T>) existing;
        }
        Slot<T> made = async
                ? new AsyncSlot<>(index, Task.nameOf(task), run, (Callable<CompletableFuture<T>>) task)
                : new CallableSlot<>(index, Task.nameOf(task), run, (Callable<? extends T>) task);
        Object witness = ELEMENT.compareAndExchange(held, index, task, made);
        return witness == task ? made : (Slot<T>) witness; // another thread made it first: use theirs
    }

    /** What {@code f} gives for each slot made so far that {@code test} accepts, in input order; makes none. */
    <R> List<R> madeSlots(Predicate<Slot<?>> test, Function<Slot<?>, R> f) {
        List<R> out = new ArrayList<>();
        for (int i = 0; i < held.length; i++) {
            if (ELEMENT.getVolatile(held, i) instanceof Slot<?> s && test.test(s)) {
                out.add(f.apply(s));
            }
        }
        return out;
    }
}
