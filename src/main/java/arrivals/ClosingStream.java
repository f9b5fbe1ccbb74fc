package arrivals;

import java.util.Comparator;
import java.util.Iterator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collector;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A stream that runs {@code onTerminal} as soon as its terminal operation returns (or throws). A plain stream
 * never learns that {@code findFirst()} or {@code limit(k)} stopped reading; this one does, which is how an
 * {@link AsCompleted} stream cancels the tasks nobody will read. It stays sequential: results are taken one
 * at a time from a single queue.
 */
final class ClosingStream<T> implements Stream<T> {
    private final Stream<T> delegate;
    private final Runnable onTerminal;

    private ClosingStream(Stream<T> delegate, Runnable onTerminal) {
        this.delegate = delegate;
        this.onTerminal = onTerminal;
    }

    static <T> Stream<T> of(Stream<T> delegate, Runnable onTerminal) {
        return new ClosingStream<>(delegate.onClose(onTerminal), onTerminal);
    }

    private <R> Stream<R> wrap(Stream<R> next) {
        return new ClosingStream<>(next, onTerminal);
    }

    private <R> R finish(Supplier<R> terminal) {
        try {
            return terminal.get();
        } finally {
            onTerminal.run();
        }
    }

    // Intermediate operations keep the wrapper.
    @Override public Stream<T> filter(Predicate<? super T> p) { return wrap(delegate.filter(p)); }
    @Override public <R> Stream<R> map(Function<? super T, ? extends R> f) { return wrap(delegate.map(f)); }
    @Override public <R> Stream<R> flatMap(Function<? super T, ? extends Stream<? extends R>> f) { return wrap(delegate.flatMap(f)); }
    @Override public <R> Stream<R> mapMulti(BiConsumer<? super T, ? super Consumer<R>> m) { return wrap(delegate.mapMulti(m)); }
    @Override public Stream<T> distinct() { return wrap(delegate.distinct()); }
    @Override public Stream<T> sorted() { return wrap(delegate.sorted()); }
    @Override public Stream<T> sorted(Comparator<? super T> c) { return wrap(delegate.sorted(c)); }
    @Override public Stream<T> peek(Consumer<? super T> action) { return wrap(delegate.peek(action)); }
    @Override public Stream<T> limit(long maxSize) { return wrap(delegate.limit(maxSize)); }
    @Override public Stream<T> skip(long n) { return wrap(delegate.skip(n)); }
    @Override public Stream<T> takeWhile(Predicate<? super T> p) { return wrap(delegate.takeWhile(p)); }
    @Override public Stream<T> dropWhile(Predicate<? super T> p) { return wrap(delegate.dropWhile(p)); }
    @Override public Stream<T> sequential() { return this; }
    @Override public Stream<T> parallel() { return this; } // one consumer drains one queue: stay sequential
    @Override public Stream<T> unordered() { return wrap(delegate.unordered()); }
    @Override public Stream<T> onClose(Runnable handler) { return wrap(delegate.onClose(handler)); }
    @Override public boolean isParallel() { return false; }
    @Override public void close() { delegate.close(); }

    // Primitive streams and raw iteration leave the wrapper: the caller must close (see AsCompleted#stream).
    @Override public IntStream mapToInt(ToIntFunction<? super T> f) { return delegate.mapToInt(f); }
    @Override public LongStream mapToLong(ToLongFunction<? super T> f) { return delegate.mapToLong(f); }
    @Override public DoubleStream mapToDouble(ToDoubleFunction<? super T> f) { return delegate.mapToDouble(f); }
    @Override public IntStream flatMapToInt(Function<? super T, ? extends IntStream> f) { return delegate.flatMapToInt(f); }
    @Override public LongStream flatMapToLong(Function<? super T, ? extends LongStream> f) { return delegate.flatMapToLong(f); }
    @Override public DoubleStream flatMapToDouble(Function<? super T, ? extends DoubleStream> f) { return delegate.flatMapToDouble(f); }
    @Override public Iterator<T> iterator() { return delegate.iterator(); }
    @Override public Spliterator<T> spliterator() { return delegate.spliterator(); }

    // Terminal operations close when they return.
    @Override public void forEach(Consumer<? super T> action) { finish(() -> { delegate.forEach(action); return null; }); }
    @Override public void forEachOrdered(Consumer<? super T> action) { finish(() -> { delegate.forEachOrdered(action); return null; }); }
    @Override public Object[] toArray() { return finish(delegate::toArray); }
    @Override public <A> A[] toArray(IntFunction<A[]> generator) { return finish(() -> delegate.toArray(generator)); }
    @Override public T reduce(T identity, BinaryOperator<T> op) { return finish(() -> delegate.reduce(identity, op)); }
    @Override public Optional<T> reduce(BinaryOperator<T> op) { return finish(() -> delegate.reduce(op)); }
    @Override public <U> U reduce(U identity, BiFunction<U, ? super T, U> acc, BinaryOperator<U> combiner) { return finish(() -> delegate.reduce(identity, acc, combiner)); }
    @Override public <R> R collect(Supplier<R> supplier, BiConsumer<R, ? super T> acc, BiConsumer<R, R> combiner) { return finish(() -> delegate.collect(supplier, acc, combiner)); }
    @Override public <R, A> R collect(Collector<? super T, A, R> collector) { return finish(() -> delegate.collect(collector)); }
    @Override public java.util.List<T> toList() { return finish(delegate::toList); }
    @Override public Optional<T> min(Comparator<? super T> c) { return finish(() -> delegate.min(c)); }
    @Override public Optional<T> max(Comparator<? super T> c) { return finish(() -> delegate.max(c)); }
    @Override public long count() { return finish(delegate::count); }
    @Override public boolean anyMatch(Predicate<? super T> p) { return finish(() -> delegate.anyMatch(p)); }
    @Override public boolean allMatch(Predicate<? super T> p) { return finish(() -> delegate.allMatch(p)); }
    @Override public boolean noneMatch(Predicate<? super T> p) { return finish(() -> delegate.noneMatch(p)); }
    @Override public Optional<T> findFirst() { return finish(delegate::findFirst); }
    @Override public Optional<T> findAny() { return finish(delegate::findFirst); } // sequential: the first is any
}
