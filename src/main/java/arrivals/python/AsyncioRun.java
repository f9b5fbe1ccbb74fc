package arrivals.python;

import arrivals.record.RunTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Runs the Python version of a course experiment in a {@code python3} subprocess and reads back its per-task
 * timings, as a table in the format of {@link RunTables#rows}, so a timeline chart can draw Python's run next to
 * Java's.
 *
 * <pre>{@code
 * List<Duration> delays = List.of(Duration.ofMillis(450), Duration.ofMillis(150), Duration.ofMillis(300));
 * Optional<Table> python = AsyncioRun.rows("python3", AsyncioRun.AS_COMPLETED, delays);
 * python.ifPresentOrElse(rows -> display(TimelineChart.of(rows).image()),
 *         () -> System.out.println("no python3 here"));
 * }</pre>
 *
 * <p>The script uses the standard library only: task {@code i} is a coroutine that awaits
 * {@code asyncio.sleep(delays[i])}, a timer rather than a thread (the fair Java counterpart is a timer-driven
 * future), and the consumer takes the results with {@code asyncio.gather} or {@code asyncio.as_completed}. Times
 * are milliseconds from the moment the tasks were created. When the Python command can't be started (no Python on
 * this machine), the result is empty instead of an exception, so a notebook can say so and go on.
 */
public final class AsyncioRun {
    /** Strategy name: every result at once, with {@code asyncio.gather}. */
    public static final String GATHER = "gather";
    /** Strategy name: each result as it completes, with {@code asyncio.as_completed}. */
    public static final String AS_COMPLETED = "as_completed";

    // Run ids far above the Java recorder's, so that a table holding both runs keeps them apart.
    private static final AtomicLong RUN_IDS = new AtomicLong(1_000_000_000L);

    /** The experiment, in Python: one line per result, in the order the consumer received them. */
    static final String SCRIPT = """
            import asyncio, sys, time

            async def main(strategy, delays):
                start = time.perf_counter()
                def ms():
                    return (time.perf_counter() - start) * 1000

                async def fetch(index, seconds):
                    begun = ms()
                    await asyncio.sleep(seconds)   # a timer, not a thread
                    return index, begun, ms()

                tasks = [asyncio.create_task(fetch(i, d)) for i, d in enumerate(delays)]
                rows = []
                if strategy == "gather":
                    results = await asyncio.gather(*tasks)
                    now = ms()
                    rows = [(i, begun, done, now) for i, begun, done in results]
                else:
                    for next_done in asyncio.as_completed(tasks):
                        i, begun, done = await next_done
                        rows.append((i, begun, done, ms()))
                for row in rows:
                    print("%d %.3f %.3f %.3f" % row)

            asyncio.run(main(sys.argv[1], [float(ms) / 1000 for ms in sys.argv[2:]]))
            """;

    private AsyncioRun() {
    }

    /**
     * Whether {@code python} names a command that starts and reports a Python 3 version.
     *
     * @throws NullPointerException if {@code python} is null
     */
    public static boolean available(String python) {
        Objects.requireNonNull(python, "python");
        try {
            Process process = new ProcessBuilder(python, "--version").redirectErrorStream(true).start();
            String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && version.startsWith("Python 3");
        } catch (IOException e) {
            return false; // no such command
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs the experiment with {@code python} and returns one row per task, in the order Python's consumer
     * received them, or empty if {@code python} can't be started.
     *
     * @param python   the command, e.g. {@code "python3"}
     * @param strategy {@link #GATHER} or {@link #AS_COMPLETED}
     * @param delays   task {@code i} sleeps {@code delays.get(i)}
     * @throws IllegalArgumentException if the strategy is unknown
     * @throws IllegalStateException    if Python started but failed, or printed something unexpected
     */
    public static Optional<Table> rows(String python, String strategy, List<Duration> delays)
            throws InterruptedException {
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(delays, "delays");
        if (!GATHER.equals(strategy) && !AS_COMPLETED.equals(strategy)) {
            throw new IllegalArgumentException("strategy must be \"gather\" or \"as_completed\", was " + strategy);
        }
        List<String> command = new ArrayList<>(List.of(python, "-c", SCRIPT, strategy));
        for (Duration delay : delays) {
            command.add(String.format(Locale.ROOT, "%.3f", delay.toNanos() / 1e6));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return Optional.empty(); // Python is not installed here (or not under this name)
        }
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + python + "'s output", e);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(python + " failed with exit code " + process.exitValue() + ":\n" + output);
        }
        return Optional.of(parse(output, "asyncio " + strategy, delays.size()));
    }

    /** Turns the script's lines into a row table; package-private so that tests can feed it lines. */
    static Table parse(String output, String strategyName, int taskCount) {
        long id = RUN_IDS.incrementAndGet();
        LongColumn run = LongColumn.create(RunTables.RUN);
        StringColumn strategy = StringColumn.create(RunTables.STRATEGY);
        IntColumn tasks = IntColumn.create(RunTables.TASKS);
        IntColumn index = IntColumn.create(RunTables.INDEX);
        StringColumn task = StringColumn.create(RunTables.TASK);
        IntColumn arrival = IntColumn.create(RunTables.ARRIVAL);
        DoubleColumn started = DoubleColumn.create(RunTables.STARTED_MS);
        DoubleColumn finished = DoubleColumn.create(RunTables.FINISHED_MS);
        DoubleColumn received = DoubleColumn.create(RunTables.RECEIVED_MS);
        StringColumn outcome = StringColumn.create(RunTables.OUTCOME);
        StringColumn result = StringColumn.create(RunTables.RESULT);
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        if (lines.size() != taskCount) {
            throw new IllegalStateException("expected " + taskCount + " lines from Python, got:\n" + output);
        }
        for (int position = 0; position < lines.size(); position++) {
            String[] fields = lines.get(position).trim().split("\\s+");
            if (fields.length != 4) {
                throw new IllegalStateException("unexpected line from Python: " + lines.get(position));
            }
            int i = Integer.parseInt(fields[0]);
            run.append(id);
            strategy.append(strategyName);
            tasks.append(taskCount);
            index.append(i);
            task.append("task " + i);
            arrival.append(position);
            started.append(Double.parseDouble(fields[1]));
            finished.append(Double.parseDouble(fields[2]));
            received.append(Double.parseDouble(fields[3]));
            outcome.append("success");
            result.append(String.valueOf(i));
        }
        return Table.create("asyncio run", run, strategy, tasks, index, task, arrival, started, finished, received,
                outcome, result);
    }
}
