package arrivals.notebook;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the course's notebooks headlessly, like "Restart and Run All" on a Java kernel, and writes
 * executed copies (with every displayed PNG also saved as a file).
 *
 * <pre>
 * java -cp target/arrivals.jar arrivals.notebook.CourseMain [--out DIR] [--timeout SECONDS] [notebook.ipynb|dir ...]
 * </pre>
 *
 * <p>Without notebook arguments it runs every {@code notebooks/**}{@code /*.ipynb} (sorted,
 * solutions included, {@code .ipynb_checkpoints} skipped). Executed copies go under {@code --out}
 * (default {@code target/executed}), mirroring their paths under {@code notebooks/} (or under the
 * folder argument they were found in). Each notebook gets a fresh JShell session; {@code %classpath}
 * paths resolve against each notebook's own folder. It prints one line per notebook, then timings
 * (JShell start-up, engine overhead per cell against time in user code) and a summary.
 *
 * <p>Exit status: 0 when every notebook passed; 1 when any failed (the notebook, cell, line and
 * error are printed, without an engine stack trace); 2 for bad arguments or no notebooks found.
 */
public final class CourseMain {

    static final String USAGE = "usage: java -cp target/arrivals.jar arrivals.notebook.CourseMain "
            + "[--out DIR] [--timeout SECONDS] [notebook.ipynb|dir ...]";

    private CourseMain() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        PrintStream err = System.err;
        Thread guard = new Thread(() -> {
            // Cells run in this JVM, so a cell calling System.exit would end the run early with
            // whatever status it chose; a run cut short must never look like a success.
            err.println("CourseMain: stopped before all notebooks ran (interrupted, or a cell called System.exit)");
            Runtime.getRuntime().halt(1);
        }, "course-exit-guard");
        Runtime.getRuntime().addShutdownHook(guard);
        int status = run(args, Path.of("").toAbsolutePath(), System.out, System.err);
        Runtime.getRuntime().removeShutdownHook(guard);
        // Cells may leave non-daemon threads (an executor nobody shut down); they must not hang us.
        System.exit(status);
    }

    /** Where the benchmark report ({@code ./course bench}) reads the last run's per-notebook times. */
    static final Path TIMINGS = Path.of("target", "course-run", "timings.tsv");

    private static void writeTimings(Path file, String text, PrintStream err) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            err.println("CourseMain: could not write " + file + ": " + e.getMessage()); // the run itself still counts
        }
    }

    /** The command line without exiting: returns the exit status; {@code workingDir} is the base of relative paths. */
    static int run(String[] args, Path workingDir, PrintStream out, PrintStream err) {
        Options options;
        List<Found> notebooks;
        try {
            options = Options.parse(args);
            if (options.help()) {
                out.println(USAGE);
                return 0;
            }
            notebooks = find(options.inputs(), workingDir);
        } catch (IllegalArgumentException e) {
            err.println("CourseMain: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("CourseMain: cannot list notebooks: " + e.getMessage());
            return 2;
        }
        if (notebooks.isEmpty()) {
            err.println("CourseMain: no notebooks found in " + String.join(", ", options.inputsOrDefault())
                    + " (run it from the repository root, or name notebooks or folders)");
            return 2;
        }
        Path outDir = workingDir.resolve(options.out()).normalize();
        NotebookExecutor executor = NotebookExecutor.withTimeout(options.timeout());
        RunSummary summary = new RunSummary(out);
        out.println("Running " + notebooks.size() + " notebook(s) headlessly (JShell on Java " + Runtime.version()
                + ", per-cell timeout " + CellErrors.seconds(options.timeout()) + "), writing to "
                + display(outDir, workingDir));
        try {
            summary.engineStarted(NotebookExecutor.warmUp());
        } catch (RuntimeException e) {
            err.println("CourseMain: the notebook engine cannot start: " + e.getMessage());
            return 2;
        }
        StringBuilder timings = new StringBuilder("# notebook\tseconds, from the last ./course run\n");
        for (Found found : notebooks) {
            String name = display(found.file(), workingDir);
            NotebookRun run;
            try {
                Notebook notebook = Notebook.parse(Files.readString(found.file()), name);
                run = executor.execute(notebook, found.file().getParent());
                ExecutedNotebookWriter.write(run.executed(), outDir.resolve(found.relativeOut()));
            } catch (IOException | NotebookFormatException e) {
                summary.unreadable(name, e instanceof NotebookFormatException ? e.getMessage() : name + ": " + e);
                continue;
            }
            summary.add(name, run);
            timings.append(name).append('\t').append(String.format(java.util.Locale.ROOT, "%.2f", run.totalNanos() / 1e9))
                    .append('\n');
        }
        summary.printTotals();
        writeTimings(workingDir.resolve(TIMINGS), timings.toString(), err);
        return summary.allPassed() ? 0 : 1;
    }

    /** A notebook to run and where its executed copy goes, relative to the output folder. */
    record Found(Path file, Path relativeOut) {
    }

    private static List<Found> find(List<String> inputs, Path workingDir) throws IOException {
        Path notebooksRoot = workingDir.resolve("notebooks").normalize();
        Map<Path, Found> found = new LinkedHashMap<>();
        List<String> roots = inputs.isEmpty() ? List.of("notebooks") : inputs;
        for (String input : roots) {
            Path path = workingDir.resolve(input).normalize();
            if (Files.isDirectory(path)) {
                for (Path file : NotebookFiles.find(path)) {
                    found.putIfAbsent(file, new Found(file, relativeOut(file, path, notebooksRoot)));
                }
            } else if (Files.isRegularFile(path) && input.endsWith(".ipynb")) {
                found.putIfAbsent(path, new Found(path, relativeOut(path, null, notebooksRoot)));
            } else if (!inputs.isEmpty()) {
                throw new IllegalArgumentException(Files.exists(path)
                        ? input + " is neither a notebook (.ipynb) nor a folder"
                        : input + " does not exist (looked for " + path + ")");
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Mirrors the path under notebooks/ (or under the folder argument); else just the file name. */
    private static Path relativeOut(Path file, Path folderArgument, Path notebooksRoot) {
        if (file.startsWith(notebooksRoot)) {
            return notebooksRoot.relativize(file);
        }
        if (folderArgument != null && file.startsWith(folderArgument)) {
            return folderArgument.relativize(file);
        }
        return file.getFileName();
    }

    private static String display(Path path, Path workingDir) {
        return path.startsWith(workingDir) ? workingDir.relativize(path).toString() : path.toString();
    }

    /** Parsed command-line options. */
    record Options(Path out, Duration timeout, List<String> inputs, boolean help) {

        static Options parse(String[] args) {
            Path out = Path.of("target", "executed");
            Duration timeout = NotebookExecutor.defaultTimeout();
            List<String> inputs = new ArrayList<>();
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--out" -> out = Path.of(value(args, ++i, "--out"));
                    case "--timeout" -> timeout = timeout(value(args, ++i, "--timeout"));
                    case "-h", "--help" -> help = true;
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        inputs.add(arg);
                    }
                }
            }
            return new Options(out, timeout, List.copyOf(inputs), help);
        }

        List<String> inputsOrDefault() {
            return inputs.isEmpty() ? List.of("notebooks/") : inputs;
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static Duration timeout(String seconds) {
            try {
                double value = Double.parseDouble(seconds);
                if (!(value > 0)) {
                    throw new NumberFormatException();
                }
                return Duration.ofMillis(Math.round(value * 1000));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--timeout needs a positive number of seconds, got \"" + seconds + "\"");
            }
        }
    }
}
