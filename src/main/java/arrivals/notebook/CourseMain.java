package arrivals.notebook;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the course's notebooks headlessly, like "Restart and Run All" on a Java kernel, and writes
 * executed copies (with every displayed PNG also saved as a file).
 *
 * <pre>
 * java -cp target/arrivals.jar arrivals.notebook.CourseMain [--root REPO] [--out DIR] [--timeout SECONDS] [notebook.ipynb|glob|dir ...]
 * </pre>
 *
 * <p>{@code --root} names the repository (default: the working folder); {@code ./course} passes its own,
 * so that where the user stands changes nothing but how relative arguments are read. Without notebook
 * arguments it runs every {@code REPO/notebooks/**}{@code /*.ipynb} (sorted, solutions included,
 * {@code .ipynb_checkpoints} skipped). A notebook argument may be a glob ({@code notebooks/01-*.ipynb}),
 * for shells that pass one unexpanded (cmd.exe).
 *
 * <p>Executed copies go under {@code --out} (relative to the working folder; default
 * {@code REPO/target/executed}), at a path that depends only on the notebook's own path, so a notebook
 * never overwrites another's copy: {@code notebooks/X} goes to {@code X} (as {@code mvn verify} writes
 * them), any other file of the repository {@code Y} to {@code _repo/Y}, a file outside it to
 * {@code _abs/} followed by its absolute path. Each notebook gets a fresh JShell session; {@code %classpath}
 * paths resolve against each notebook's own folder. It prints one line per notebook, then timings
 * (JShell start-up, engine overhead per cell against time in user code) and a summary.
 *
 * <p>Exit status: 0 when every notebook passed; 1 when any failed (the notebook, cell, line and
 * error are printed, without an engine stack trace); 2 for bad arguments or no notebooks found.
 */
public final class CourseMain {

    static final String USAGE = "usage: java -cp target/arrivals.jar arrivals.notebook.CourseMain "
            + "[--root REPO] [--out DIR] [--timeout SECONDS] [notebook.ipynb|glob|dir ...]";

    /**
     * The launchers set {@code -Darrivals.command="./course run"}: a user who typed that should read
     * about what they typed, not about the java command line behind it.
     */
    static String usage() {
        String command = System.getProperty("arrivals.command");
        return command == null ? USAGE
                : "usage: " + command + " [--out DIR] [--timeout SECONDS] [notebook.ipynb|glob|dir ...]"
                        + " (" + command + " --help explains them)";
    }

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

    /** Where the benchmark report ({@code ./course bench}) reads the last run's per-notebook times, in the repository. */
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
        Path root;
        List<Found> notebooks;
        try {
            options = Options.parse(args);
            if (options.help()) {
                out.println(usage());
                return 0;
            }
            root = options.root() == null ? workingDir : workingDir.resolve(options.root()).normalize();
            notebooks = find(options.inputs(), workingDir, root);
        } catch (IllegalArgumentException e) {
            err.println("CourseMain: " + e.getMessage());
            err.println(usage());
            return 2;
        } catch (IOException e) {
            err.println("CourseMain: cannot list notebooks: " + e.getMessage());
            return 2;
        }
        if (notebooks.isEmpty()) {
            err.println("CourseMain: no notebooks found in " + (options.inputs().isEmpty()
                    ? root.resolve("notebooks").toString() : String.join(", ", options.inputs()))
                    + " (give --root the repository, or name notebooks or folders)");
            return 2;
        }
        Path outDir = (options.out() == null ? root.resolve(DEFAULT_OUT) : workingDir.resolve(options.out()))
                .toAbsolutePath().normalize();
        NotebookExecutor executor = NotebookExecutor.withTimeout(options.timeout());
        RunSummary summary = new RunSummary(out);
        out.println("Running " + notebooks.size() + " notebook(s) headlessly (JShell on Java " + Runtime.version()
                + ", per-cell timeout " + CellErrors.seconds(options.timeout()) + "), writing to " + outDir);
        try {
            summary.engineStarted(NotebookExecutor.warmUp());
        } catch (RuntimeException e) {
            err.println("CourseMain: the notebook engine cannot start: " + e.getMessage());
            return 2;
        }
        StringBuilder timings = new StringBuilder("# notebook\tseconds, from the last ./course run\n");
        for (Found found : notebooks) {
            // Names count from the repository, as the benchmark report reads them from the timings file.
            String name = display(found.file(), root);
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
        out.println("Executed copies: " + outDir);
        writeTimings(root.resolve(TIMINGS), timings.toString(), err);
        return summary.allPassed() ? 0 : 1;
    }

    /** A notebook to run and where its executed copy goes, relative to the output folder. */
    record Found(Path file, Path relativeOut) {
    }

    /** Default output folder, in the repository. */
    static final Path DEFAULT_OUT = Path.of("target", "executed");

    private static List<Found> find(List<String> inputs, Path workingDir, Path root) throws IOException {
        Map<Path, Found> found = new LinkedHashMap<>();
        if (inputs.isEmpty()) {
            for (Path file : NotebookFiles.find(root.resolve("notebooks"))) {
                found.putIfAbsent(file, new Found(file, relativeOut(file, root)));
            }
            return new ArrayList<>(found.values());
        }
        for (String input : inputs) {
            for (Path path : expand(input, workingDir)) {
                if (Files.isDirectory(path)) {
                    for (Path file : NotebookFiles.find(path)) {
                        found.putIfAbsent(file, new Found(file, relativeOut(file, root)));
                    }
                } else if (Files.isRegularFile(path) && path.toString().endsWith(".ipynb")) {
                    found.putIfAbsent(path, new Found(path, relativeOut(path, root)));
                } else {
                    throw new IllegalArgumentException(Files.exists(path)
                            ? input + " is neither a notebook (.ipynb) nor a folder"
                            : input + " does not exist (looked for " + path + ")");
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The paths an argument names: itself, or the matches of a glob in its last part. */
    private static List<Path> expand(String input, Path workingDir) throws IOException {
        Path path = workingDir.resolve(input).normalize();
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        boolean glob = name.contains("*") || name.contains("?") || name.contains("[");
        if (!glob || Files.exists(path) || path.getParent() == null || !Files.isDirectory(path.getParent())) {
            return List.of(path);
        }
        PathMatcher matcher = path.getFileSystem().getPathMatcher("glob:" + name);
        try (Stream<Path> files = Files.list(path.getParent())) {
            List<Path> matches = files.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
            if (matches.isEmpty()) {
                throw new IllegalArgumentException(input + " matches nothing (looked in " + path.getParent() + ")");
            }
            return matches;
        }
    }

    /**
     * Where a notebook's executed copy goes, relative to the output folder: a function of the notebook's
     * own path only, so two different notebooks never share a copy, whatever the arguments were.
     */
    static Path relativeOut(Path file, Path root) {
        Path notebooksRoot = root.resolve("notebooks");
        if (file.startsWith(notebooksRoot)) {
            return notebooksRoot.relativize(file);
        }
        if (file.startsWith(root)) {
            return Path.of("_repo").resolve(root.relativize(file));
        }
        Path absolute = file.toAbsolutePath().normalize();
        Path withoutRoot = absolute.getRoot() == null ? absolute : absolute.getRoot().relativize(absolute);
        // A Windows drive ("C:\") becomes a folder named "C", so copies from two drives stay apart.
        String drive = absolute.getRoot() == null ? "" : absolute.getRoot().toString().replaceAll("[^A-Za-z0-9]", "");
        Path base = drive.isEmpty() ? Path.of("_abs") : Path.of("_abs", drive);
        return base.resolve(withoutRoot.toString());
    }

    private static String display(Path path, Path workingDir) {
        return path.startsWith(workingDir) ? workingDir.relativize(path).toString() : path.toString();
    }

    /** Parsed command-line options. */
    record Options(Path root, Path out, Duration timeout, List<String> inputs, boolean help) {

        static Options parse(String[] args) {
            Path root = null;
            Path out = null;
            Duration timeout = NotebookExecutor.defaultTimeout();
            List<String> inputs = new ArrayList<>();
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--root" -> root = Path.of(value(args, ++i, "--root"));
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
            return new Options(root, out, timeout, List.copyOf(inputs), help);
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
