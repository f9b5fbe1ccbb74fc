package arrivals.bench;

import arrivals.AsCompleted;
import arrivals.Completion;
import arrivals.Gather;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The library's cost against the plain JDK doing the same job, as ratios measured in one JVM: the library path
 * and its JDK counterpart run alternately, round after round, after warm-up rounds, and each row reports the
 * median of the per-round ratios (wall time; CPU time of the whole process and the bytes allocated per task alongside,
 * since allocation and the collections it causes are much of what a trivial task costs). The work is trivial, so
 * what is measured is the machinery: starting a thread per task and handing its result over.
 *
 * <pre>{@code
 * ./course bench --core              // 200,000 and 1,000,000 tasks, 5 rounds
 * ./course bench --core 100000 3     // one size, 3 rounds
 * }</pre>
 *
 * <ul>
 *   <li>{@code AsCompleted.of} vs {@code ExecutorCompletionService} over {@code newVirtualThreadPerTaskExecutor}:
 *       submit every callable, take every result;</li>
 *   <li>{@code Gather.all} vs {@code invokeAll} on the same kind of executor;</li>
 *   <li>{@code AsCompleted.ofFutures} over completed futures vs {@code whenComplete} into a
 *       {@code LinkedBlockingQueue}.</li>
 * </ul>
 * Targets (issue 11): at most 1.2×, 1.2× and 1.5×. Figures vary with load on the machine; ratios within one run
 * are what to compare.
 */
public final class CoreRatios {
    private static final double[] TARGETS = {1.2, 1.2, 1.5};
    private static final String[] ROWS = {
        "AsCompleted.of / ExecutorCompletionService",
        "Gather.all / invokeAll",
        "ofFutures (completed) / whenComplete->queue",
    };

    private CoreRatios() {
    }

    /** One measured run: nanoseconds of wall and CPU time, and the bytes every thread allocated meanwhile. */
    private record Cost(long wall, long cpu, long allocated) {
    }

    private interface Body {
        long run(int n) throws Exception; // returns a checksum, so the work can't be optimised away
    }

    public static void main(String[] args) throws Exception {
        int[] sizes;
        int rounds;
        try {
            if (args.length > 2) {
                throw new IllegalArgumentException("too many arguments");
            }
            sizes = args.length > 0 ? new int[] {BenchMain.Plan.positive(args[0].replace("_", ""), "N")}
                    : new int[] {200_000, 1_000_000};
            rounds = args.length > 1 ? BenchMain.Plan.positive(args[1], "ROUNDS") : 5;
        } catch (IllegalArgumentException e) {
            System.err.println("CoreRatios: " + e.getMessage() + "\nusage: ./course bench --core [N [ROUNDS]]"
                    + "   (N tasks per run, ROUNDS measured rounds)");
            System.exit(2);
            return;
        }
        System.out.printf("Java %s, %d cores, %d rounds after %d warm-up rounds%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), rounds, 2);
        Body[][] pairs = {
            {CoreRatios::asCompleted, CoreRatios::completionService},
            {CoreRatios::gatherAll, CoreRatios::invokeAll},
            {CoreRatios::ofFutures, CoreRatios::whenCompleteQueue},
        };
        for (int n : sizes) {
            for (int p = 0; p < pairs.length; p++) {
                for (int w = 0; w < 2; w++) { // warm-up: both sides, unmeasured
                    measure(pairs[p][0], n);
                    measure(pairs[p][1], n);
                }
                double[] wall = new double[rounds];
                double[] cpu = new double[rounds];
                long libWall = 0;
                long jdkWall = 0;
                long libBytes = 0;
                long jdkBytes = 0;
                for (int r = 0; r < rounds; r++) {
                    Cost lib = measure(pairs[p][0], n);
                    Cost jdk = measure(pairs[p][1], n);
                    wall[r] = (double) lib.wall() / jdk.wall();
                    cpu[r] = (double) lib.cpu() / jdk.cpu();
                    libWall += lib.wall();
                    jdkWall += jdk.wall();
                    libBytes += lib.allocated();
                    jdkBytes += jdk.allocated();
                }
                double ratio = median(wall);
                System.out.printf("%-45s N=%,9d  library %8.1f ms  jdk %8.1f ms  wall ratio %.2f (min %.2f, max %.2f)"
                                + "  cpu ratio %.2f  allocated per task: library %.0f B, jdk %.0f B  target <= %.1f: %s%n",
                        ROWS[p], n, libWall / 1e6 / rounds, jdkWall / 1e6 / rounds, ratio,
                        Arrays.stream(wall).min().orElseThrow(), Arrays.stream(wall).max().orElseThrow(),
                        median(cpu), (double) libBytes / rounds / n, (double) jdkBytes / rounds / n,
                        TARGETS[p], ratio <= TARGETS[p] ? "met" : "MISSED");
            }
        }
    }

    private static Cost measure(Body body, int n) throws Exception {
        System.gc();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // Virtual threads allocate on their carriers, which are platform threads, so this total includes them.
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpu0 = os.getProcessCpuTime();
        long bytes0 = threads.getTotalThreadAllocatedBytes();
        long t0 = System.nanoTime();
        long sum = body.run(n);
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        long allocated = threads.getTotalThreadAllocatedBytes() - bytes0;
        if (sum != (long) n * (n - 1) / 2) {
            throw new AssertionError("wrong checksum " + sum + " for " + n + " tasks");
        }
        return new Cost(wall, cpu, allocated);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static List<Callable<Long>> trivial(int n) {
        List<Callable<Long>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long value = i;
            tasks.add(() -> value);
        }
        return tasks;
    }

    private static long asCompleted(int n) throws Exception {
        List<Callable<Long>> tasks = trivial(n);
        long sum = 0;
        try (var results = AsCompleted.of(tasks)) {
            for (Completion<Long> done : results) {
                sum += done.value();
            }
        }
        return sum;
    }

    private static long completionService(int n) throws Exception {
        List<Callable<Long>> tasks = trivial(n);
        long sum = 0;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var service = new ExecutorCompletionService<Long>(executor);
            for (Callable<Long> task : tasks) {
                service.submit(task);
            }
            for (int i = 0; i < n; i++) {
                sum += service.take().get();
            }
        }
        return sum;
    }

    private static long gatherAll(int n) throws Exception {
        long sum = 0;
        for (long v : Gather.all(trivial(n))) {
            sum += v;
        }
        return sum;
    }

    private static long invokeAll(int n) throws Exception {
        long sum = 0;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Long> f : executor.invokeAll(trivial(n))) {
                sum += f.get();
            }
        }
        return sum;
    }

    private static List<CompletableFuture<Long>> completed(int n) {
        List<CompletableFuture<Long>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            futures.add(CompletableFuture.completedFuture((long) i));
        }
        return Collections.unmodifiableList(futures);
    }

    private static long ofFutures(int n) {
        List<CompletableFuture<Long>> futures = completed(n);
        long sum = 0;
        try (var results = AsCompleted.ofFutures(futures)) {
            for (Completion<Long> done : results) {
                sum += done.value();
            }
        }
        return sum;
    }

    private static long whenCompleteQueue(int n) throws InterruptedException {
        List<CompletableFuture<Long>> futures = completed(n);
        BlockingQueue<Long> queue = new LinkedBlockingQueue<>();
        for (CompletableFuture<Long> f : futures) {
            f.whenComplete((v, e) -> queue.add(v));
        }
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += queue.take();
        }
        return sum;
    }
}
