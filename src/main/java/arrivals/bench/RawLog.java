package arrivals.bench;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The raw figures of one benchmark run, one line per measurement ({@code TRIAL {...}}, {@code FLOOR {...}}) and a
 * closing {@code SETUP {...}} line, kept beside the report so that the report can be written again from them
 * ({@code BenchMain --from docs/benchmarks-raw.txt}) without measuring again. Lines are flushed as they come,
 * so an interrupted run keeps what it measured.
 *
 * <pre>{@code
 * try (RawLog log = RawLog.create(Path.of("docs/benchmarks-raw.txt"))) {
 *     log.trial(trial);
 *     log.setup(setup);
 * }
 * RawLog.Loaded loaded = RawLog.read(Path.of("docs/benchmarks-raw.txt"));
 * }</pre>
 */
final class RawLog implements AutoCloseable {
    static final String SETUP_PREFIX = "SETUP ";

    private final BufferedWriter out;

    private RawLog(BufferedWriter out) {
        this.out = out;
    }

    /** Starts a new log at {@code file}, replacing an older one. */
    static RawLog create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new RawLog(Files.newBufferedWriter(file));
    }

    void trial(Trial trial) {
        line(TrialMain.TRIAL_PREFIX + trial.toJson());
    }

    void floor(Floor floor) {
        line(TrialMain.FLOOR_PREFIX + floor.toJson());
    }

    void setup(Report.Setup setup) {
        try {
            line(SETUP_PREFIX + Trial.json().writeValueAsString(setup));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the run's setup as JSON", e);
        }
    }

    private void line(String text) {
        try {
            out.write(text);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the raw benchmark log", e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** What a log holds: every measurement, and the setup of the run. */
    record Loaded(Results results, Report.Setup setup) {
    }

    /**
     * Reads a log written by {@link #create}.
     *
     * @throws IOException              if {@code file} can't be read
     * @throws IllegalArgumentException if it has no setup line (the run did not finish) or a line is malformed
     */
    static Loaded read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Results results = new Results();
        Report.Setup setup = null;
        for (String line : lines) {
            if (line.startsWith(TrialMain.TRIAL_PREFIX)) {
                results.add(Trial.fromJson(line.substring(TrialMain.TRIAL_PREFIX.length())));
            } else if (line.startsWith(TrialMain.FLOOR_PREFIX)) {
                results.add(Floor.fromJson(line.substring(TrialMain.FLOOR_PREFIX.length())));
            } else if (line.startsWith(SETUP_PREFIX)) {
                try {
                    setup = Trial.json().readValue(line.substring(SETUP_PREFIX.length()), Report.Setup.class);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("malformed setup line in " + file + ": " + e.getMessage(), e);
                }
            }
        }
        if (setup == null) {
            throw new IllegalArgumentException(file + " has no SETUP line: the run that wrote it did not finish");
        }
        return new Loaded(results, setup);
    }

    /** {@code docs/benchmarks.md} → {@code docs/benchmarks-raw.txt}. */
    static Path beside(Path report) {
        String name = report.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return report.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-raw.txt");
    }
}
