package arrivals;

import java.time.Instant;

/**
 * Identifies one run of {@link Gather} or {@link AsCompleted} to a {@link RunListener}.
 *
 * @param id        unique within this JVM, rising in the order runs start
 * @param strategy  {@code "gather"} or {@code "as-completed"}
 * @param taskCount how many tasks the run has
 * @param startedAt wall-clock time at which the run started; every {@link Completion} time is measured from it
 */
public record RunInfo(long id, String strategy, int taskCount, Instant startedAt) {
}
