package arrivals.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Benchmarks Arrivals against Python's asyncio and the JDK's own options on workload W(N), prints the report
 * and writes it to {@code target/bench/benchmarks.md} with a chart beside it; {@code --update-docs} writes the
 * committed {@code docs/benchmarks.md} instead, so a trial run never overwrites it. Run from the repository root:
 *
 * <pre>
 * ./course bench --quick          # N up to 100,000: a few minutes
 * ./course bench                  # N up to 1,000,000: about a quarter of an hour
 * java -cp target/arrivals.jar arrivals.bench.BenchMain [--quick] [--update-docs | --out FILE.md]
 * </pre>
 *
 * <p>Each run is a fresh process ({@link Children}); this JVM only plans, collects and reports. The raw figures
 * go beside the report ({@code benchmarks-raw.txt}) ({@link RawLog}) as they come; {@code --from} that file writes the
 * report and chart again without measuring. If python3 or {@code bench/asyncio_bench.py} is missing, the
 * benchmark says so, runs the Java side alone and reports no ratios to asyncio. Options for trying things out:
 * {@code --ns 1000,10000} (sizes), {@code --reps 2} (runs per size), {@code --only
 * arrivals-timers,asyncio-as_completed} (implementations), {@code --seed 7}, {@code --budget-ms 5000} (the
 * anyOf loop's budget). Bad arguments print the usage and exit with status 2.
 */
public final class BenchMain {
    private static final List<Integer> FULL_NS = List.of(1_000, 10_000, 100_000, 1_000_000);
    private static final List<Integer> QUICK_NS = List.of(1_000, 10_000, 100_000);
    private static final String USAGE = "usage: BenchMain [--quick] [--update-docs | --out target/bench/benchmarks.md] [--ns 1000,10000]"
            + " [--reps K] [--only id,id] [--seed S] [--budget-ms MS] [--from docs/benchmarks-raw.txt]";

    /** What one invocation will run. */
    record Plan(boolean quick, List<Integer> ns, Map<Integer, Integer> reps, List<Lineup.Entry> entries,
                long seed, long budgetMillis, Path out, Path from) {

        /**
         * Reads the command line.
         *
         * @throws IllegalArgumentException naming the bad argument
         */
        static Plan parse(String... args) {
            boolean quick = false;
            Path out = Path.of("target", "bench", "benchmarks.md");
            List<Integer> ns = null;
            Integer reps = null;
            List<Lineup.Entry> entries = Lineup.ALL;
            long seed = 42;
            Long budget = null;
            Path from = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--quick" -> quick = true;
                    case "--out" -> out = Path.of(value(args, ++i, arg));
                    case "--update-docs" -> out = Path.of("docs", "benchmarks.md");
                    case "--ns" -> ns = Arrays.stream(value(args, ++i, arg).split(","))
                            .map(s -> positive(s.replace("_", ""), arg)).toList();
                    case "--reps" -> reps = positive(value(args, ++i, arg), arg);
                    case "--only" -> entries = Lineup.select(List.of(value(args, ++i, arg).split(",")));
                    case "--seed" -> seed = number(value(args, ++i, arg), arg);
                    case "--budget-ms" -> budget = (long) positive(value(args, ++i, arg), arg);
                    case "--from" -> from = Path.of(value(args, ++i, arg));
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
                }
            }
            List<Integer> sizes = ns != null ? ns.stream().sorted().distinct().toList() : quick ? QUICK_NS : FULL_NS;
            Map<Integer, Integer> repsByN = new LinkedHashMap<>();
            for (int n : sizes) {
                // Three runs give a median and a range; more would not fit the full run into about 15 minutes.
                repsByN.put(n, reps != null ? reps : 3);
            }
            long budgetMillis = budget != null ? budget : quick ? 12_000 : 15_000;
            return new Plan(quick, sizes, repsByN, entries, seed, budgetMillis, out, from);
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static long number(String text, String flag) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " expects a number, got '" + text + "'");
            }
        }

        /** Also reads {@link CoreRatios}'s arguments, so both benchmarks answer a bad number alike. */
        static int positive(String text, String flag) {
            long value = number(text, flag);
            if (value <= 0 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(flag + " expects a positive number, got '" + text + "'");
            }
            return (int) value;
        }

        int rounds() {
            return reps.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }

        /** How many runs each implementation gets, over all sizes. */
        int runsPerEntry() {
            return reps.values().stream().mapToInt(Integer::intValue).sum();
        }

        boolean wantsPython() {
            return entries.stream().anyMatch(Lineup.Entry::python);
        }
    }

    private BenchMain() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Plan plan;
        try {
            plan = Plan.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        RawLog.Loaded loaded;
        if (plan.from() != null) {
            try {
                loaded = RawLog.read(plan.from());
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("bench: cannot write the report again from " + plan.from() + ": " + e.getMessage());
                System.exit(1);
                return;
            }
        } else {
            loaded = measure(plan, root);
        }
        Report report = new Report(loaded.results(), loaded.setup(), chartName(plan.out()),
                CourseRun.read(root.resolve(CourseRun.DEFAULT)));
        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        Path out = plan.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, markdown);
        Path chart = out.resolveSibling(chartName(plan.out()));
        ImageIO.write(Charts.overview(loaded.results(), loaded.setup().entries(), loaded.setup().ns()), "png",
                chart.toFile());
        System.out.println("Wrote " + shown(root, out) + " and " + shown(root, chart)
                + (plan.from() == null ? " (raw figures: " + shown(root, RawLog.beside(out)) + ")" : ""));
    }

    /** Runs the plan, logging every measurement beside the report as it comes. */
    private static RawLog.Loaded measure(Plan plan, Path root) throws IOException {
        Children children = Children.locate(root, plan.seed());
        Optional<String> pythonProblem = plan.wantsPython() ? children.pythonProblem() : Optional.empty();
        pythonProblem.ifPresent(problem -> System.err.println("bench: " + problem));
        List<Lineup.Entry> entries = pythonProblem.isPresent()
                ? plan.entries().stream().filter(e -> !e.python()).toList() : plan.entries();
        String python = pythonProblem.isPresent() ? "not run: " + pythonProblem.get()
                : children.pythonVersion().orElse("unknown version") + " (" + children.pythonCommand() + ")";

        Machine machine = Machine.current();
        String loadBefore = Machine.loadAverage();
        String date = Report.Setup.formatDate(ZonedDateTime.now());
        long started = System.nanoTime();
        System.out.printf("Arrivals benchmark%s: N = %s, %d runs in fresh processes; %d cores, %s; %s%n",
                plan.quick() ? " (quick)" : "", plan.ns(), plan.runsPerEntry() * entries.size(), machine.cores(),
                machine.java(), python);
        try (RawLog log = RawLog.create(RawLog.beside(plan.out().toAbsolutePath()))) {
            Results results = run(plan, entries, children, pythonProblem.isEmpty(), started, log);
            Report.Setup setup = new Report.Setup(machine, python, plan.quick(), plan.ns(), plan.reps(),
                    plan.budgetMillis(), plan.seed(), entries, date,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(), loadBefore, Machine.loadAverage());
            log.setup(setup);
            return new RawLog.Loaded(results, setup);
        }
    }

    private static Path shown(Path root, Path file) {
        return file.startsWith(root) ? root.relativize(file) : file;
    }

    /** {@code docs/benchmarks.md} → {@code benchmarks.png}, the chart's name beside the report. */
    static String chartName(Path out) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".png";
    }

    /**
     * Runs the plan in rounds: each round measures the timer floors, then every implementation once at every N
     * that still needs runs, so that load from other programs falls on all implementations alike.
     */
    private static Results run(Plan plan, List<Lineup.Entry> entries, Children children, boolean withPython,
                               long started, RawLog log) {
        Results results = new Results();
        int total = plan.runsPerEntry() * entries.size();
        int done = 0;
        for (int round = 0; round < plan.rounds(); round++) {
            children.javaFloor().ifPresent(floor -> {
                results.add(floor);
                log.floor(floor);
            });
            if (withPython) {
                children.pythonFloor().ifPresent(floor -> {
                    results.add(floor);
                    log.floor(floor);
                });
            }
            for (int n : plan.ns()) {
                if (round >= plan.reps().get(n)) {
                    continue;
                }
                for (Lineup.Entry entry : entries) {
                    Optional<Trial> trial = entry.python() ? children.python(entry.pythonName(), n)
                            : children.java(entry.java().orElseThrow(), n, plan.budgetMillis());
                    trial.ifPresent(t -> {
                        results.add(t);
                        log.trial(t);
                    });
                    done++;
                    System.out.printf("[%3d/%d %s] N=%-9s %-24s run %d: %s%n", done, total, elapsed(started),
                            Format.count(n), entry.id(), round + 1, trial.map(BenchMain::progress).orElse("failed"));
                }
            }
        }
        return results;
    }

    private static String progress(Trial t) {
        String head = t.stopped()
                ? "stopped after " + Format.duration(t.wallNs()) + " with " + Format.count(t.received()) + " results"
                : "overhead " + Format.duration(t.overheadNs());
        return head + ", first " + (t.received() > 0 ? Format.duration(t.firstNs()) : "none") + ", lag p50 "
                + (t.received() > 0 ? Format.duration(t.lagP50Ns()) : "none") + ", peak "
                + (t.peakBytes() >= 0 ? Format.size(t.peakBytes()) : "n/a");
    }

    private static String elapsed(long started) {
        Duration d = Duration.ofNanos(System.nanoTime() - started);
        return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
