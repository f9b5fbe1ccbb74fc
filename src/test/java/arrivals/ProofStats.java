package arrivals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what one proof suite actually tried (scenarios, tasks, injected faults, largest input, leaked threads)
 * and prints it as one {@code PROOF} line when the suite ends, also appending it to
 * {@code target/proof-figures.txt}. docs/test-report.md quotes these lines, so its figures come from a real run.
 */
final class ProofStats {
    private static final Path FIGURES = Path.of("target", "proof-figures.txt");

    private final String suite;
    private volatile long start = System.nanoTime();
    private final Map<String, AtomicLong> counts = new ConcurrentSkipListMap<>();

    ProofStats(String suite) {
        this.suite = suite;
    }

    /** Starts the suite's clock; classes are loaded (and this object made) long before their tests run. */
    void begin() {
        start = System.nanoTime();
    }

    void add(String what) {
        add(what, 1);
    }

    void add(String what, long amount) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).addAndGet(amount);
    }

    void max(String what, long value) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).accumulateAndGet(value, Math::max);
    }

    long get(String what) {
        AtomicLong count = counts.get(what);
        return count == null ? 0 : count.get();
    }

    /** Prints the summary line and appends it to the figures file. */
    void report() {
        StringBuilder line = new StringBuilder("PROOF suite=").append(suite);
        counts.forEach((what, count) -> line.append(' ').append(what).append('=').append(count.get()));
        line.append(String.format(" seconds=%.1f", (System.nanoTime() - start) / 1e9));
        System.out.println(line);
        if (Files.isDirectory(FIGURES.getParent())) {
            try {
                Files.writeString(FIGURES, line + System.lineSeparator(),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
