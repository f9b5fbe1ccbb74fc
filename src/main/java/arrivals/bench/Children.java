package arrivals.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts the processes that do the measuring: a fresh JVM ({@link TrialMain}) per Java run, and
 * {@code python3 bench/asyncio_bench.py} per asyncio run. A fresh process per run gives each run its own peak
 * memory and keeps one run's garbage and compiled code out of the next.
 *
 * <pre>{@code
 * Children children = Children.locate(Path.of("."), 42);
 * Optional<Trial> t = children.java(JavaImpl.AS_COMPLETED_TIMERS, 10_000, 0);
 * }</pre>
 *
 * <p>A child that fails, prints no result or runs past {@link #CHILD_TIMEOUT_MINUTES} is reported on stderr
 * with the tail of its error output, and yields an empty result; the benchmark carries on without it.
 */
final class Children {
    /**
     * JVM options of every measuring JVM. A young generation of 3 GB means no collection happens during a
     * measured run even at a million parked virtual threads, whose stacks a young collection would have to copy
     * (a single such collection took seconds here). The same options apply to every Java implementation.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms4g", "-Xmx6g", "-Xmn3g");
    static final long CHILD_TIMEOUT_MINUTES = 10;

    private final String java;
    private final String classPath;
    private final String python;
    private final Path script;
    private final long seed;

    private Children(String java, String classPath, String python, Path script, long seed) {
        this.java = java;
        this.classPath = classPath;
        this.python = python;
        this.script = script;
        this.seed = seed;
    }

    /**
     * Finds this JVM's own java launcher and class path, python3 on PATH and the asyncio script: in
     * {@code root/bench/}, else beside the jar's folder (the jar lives in {@code target/}).
     */
    static Children locate(Path root, long seed) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("java.class.path");
        return new Children(java, classPath, interpreter(findOnPath("python3")), findScript(root, classPath), seed);
    }

    /**
     * The interpreter behind {@code python3}: launchers such as pyenv's shims cost up to a second per start,
     * which would add minutes over a benchmark's hundreds of runs. Falls back to {@code python3} itself.
     */
    private static String interpreter(String python3) {
        if (python3 == null) {
            return null;
        }
        List<String> out = run(List.of(python3, "-c", "import sys; print(sys.executable)"), "python3");
        if (!out.isEmpty() && Files.isExecutable(Path.of(out.get(0).trim()))) {
            return out.get(0).trim();
        }
        return python3;
    }

    /** Why the asyncio side can't run, or empty when it can. */
    Optional<String> pythonProblem() {
        if (python == null) {
            return Optional.of("python3 was not found on PATH, so the asyncio rows and every ratio to asyncio are"
                    + " missing. Install Python 3.10 or newer (the script needs only the standard library) and run"
                    + " again.");
        }
        if (script == null) {
            return Optional.of("bench/asyncio_bench.py was not found (looked in ./bench and next to the jar's"
                    + " folder), so the asyncio rows are missing. Run the benchmark from the repository root.");
        }
        return Optional.empty();
    }

    String pythonCommand() {
        return python;
    }

    Path script() {
        return script;
    }

    /** The version line of python3, such as "Python 3.11.7", or empty. */
    Optional<String> pythonVersion() {
        if (python == null) {
            return Optional.empty();
        }
        List<String> out = run(List.of(python, "--version"), "python3 --version");
        return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0).trim());
    }

    Optional<Trial> java(JavaImpl impl, int n, long budgetMillis) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", classPath, TrialMain.class.getName(), "--impl", impl.id,
                "--n", Integer.toString(n), "--seed", Long.toString(seed), "--budget-ms", Long.toString(budgetMillis)));
        String what = impl.id + " N=" + n;
        return result(run(command, what), TrialMain.TRIAL_PREFIX, what).map(Trial::fromJson);
    }

    /** Runs {@code asyncio_bench.py --impl name}; empty if Python is missing or the run failed. */
    Optional<Trial> python(String name, int n) {
        if (pythonProblem().isPresent()) {
            return Optional.empty();
        }
        List<String> command = List.of(python, script.toString(), "--impl", name, "--n", Integer.toString(n),
                "--seed", Long.toString(seed));
        String what = "asyncio-" + name + " N=" + n;
        return result(run(command, what), TrialMain.TRIAL_PREFIX, what).map(Trial::fromJson);
    }

    Optional<Floor> javaFloor() {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", classPath, TrialMain.class.getName(), "--floor", "--seed", Long.toString(seed)));
        return result(run(command, "Java timer floor"), TrialMain.FLOOR_PREFIX, "Java timer floor")
                .map(Floor::fromJson);
    }

    Optional<Floor> pythonFloor() {
        if (pythonProblem().isPresent()) {
            return Optional.empty();
        }
        List<String> command = List.of(python, script.toString(), "--floor", "--seed", Long.toString(seed));
        return result(run(command, "Python timer floor"), TrialMain.FLOOR_PREFIX, "Python timer floor")
                .map(Floor::fromJson);
    }

    /** The JSON after {@code prefix} in a child's output; reported when missing from a child that exited well. */
    private static Optional<String> result(List<String> lines, String prefix, String what) {
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                return Optional.of(line.substring(prefix.length()));
            }
        }
        if (!lines.isEmpty()) {
            System.err.println("bench: " + what + " printed no result line starting with '" + prefix.trim()
                    + "'; its output began: " + lines.get(0));
        }
        return Optional.empty();
    }

    /** Runs {@code command} and returns its output lines; on failure reports it and returns no lines. */
    private static List<String> run(List<String> command, String what) {
        Path errors = null;
        try {
            errors = Files.createTempFile("arrivals-bench-", ".err");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            List<String> lines = new ArrayList<>();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                } catch (IOException e) {
                    // the process died; its exit status and error output tell the story
                }
            });
            if (!process.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                System.err.println("bench: " + what + " ran longer than " + CHILD_TIMEOUT_MINUTES
                        + " minutes and was stopped");
                return List.of();
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            if (process.exitValue() != 0) {
                System.err.println("bench: " + what + " failed with exit status " + process.exitValue()
                        + tail(errors));
                return List.of();
            }
            synchronized (lines) {
                return List.copyOf(lines);
            }
        } catch (IOException e) {
            System.err.println("bench: could not start " + what + " (" + command.get(0) + "): " + e.getMessage());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } finally {
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private static String tail(Path errors) throws IOException {
        List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return "";
        }
        return ":\n    " + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    }

    private static String findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static Path findScript(Path root, String classPath) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(root.resolve("bench").resolve("asyncio_bench.py"));
        for (String entry : classPath.split(File.pathSeparator)) {
            Path parent = Path.of(entry).toAbsolutePath().getParent(); // target/ for target/arrivals.jar
            if (parent != null && parent.getParent() != null) {
                candidates.add(parent.getParent().resolve("bench").resolve("asyncio_bench.py"));
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        return null;
    }
}
