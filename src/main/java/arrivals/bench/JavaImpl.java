package arrivals.bench;

import arrivals.AsCompleted;
import arrivals.Completion;
import arrivals.Gather;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Java implementations of workload W(N) that the benchmark compares. Each one gets N task descriptions,
 * the i-th waiting {@code delays[i]} nanoseconds and returning i, runs them, and hands every result to the
 * {@link Recorder} as its consumer receives it.
 *
 * <p>The clock starts once the descriptions exist and before anything is started: building N lambdas is the
 * caller's business and the same for every design, while starting, waiting and delivering is what is
 * compared. The Python script does the same with its coroutine objects.
 *
 * <p>Two kinds of task appear: a blocking callable that sleeps on whatever thread runs it, and an asynchronous
 * starter that arms a timer-driven future ({@link CompletableFuture#completeOnTimeout}) and returns it, with
 * no thread per task. The timer is the fair counterpart of {@code asyncio.sleep}, which is also a timer that
 * completes a future.
 */
enum JavaImpl {
    AS_COMPLETED_THREADS("arrivals-vthreads", "Arrivals AsCompleted.of (virtual threads, Thread.sleep)") {
        @Override
        void run(long[] delays, Recorder seen) {
            List<Callable<Integer>> tasks = sleepers(delays, seen);
            seen.start();
            try (AsCompleted<Integer> results = AsCompleted.of(tasks)) {
                for (Completion<Integer> done : results) {
                    seen.got(done.value());
                }
            }
        }
    },
    AS_COMPLETED_TIMERS("arrivals-timers", "Arrivals AsCompleted.ofAsync (timer-driven futures)") {
        @Override
        void run(long[] delays, Recorder seen) {
            List<Callable<CompletableFuture<Integer>>> starters = timers(delays, seen);
            seen.start();
            try (AsCompleted<Integer> results = AsCompleted.ofAsync(starters)) {
                for (Completion<Integer> done : results) {
                    seen.got(done.value());
                }
            }
        }
    },
    GATHER_ALL("arrivals-gather", "Arrivals Gather.all (virtual threads, Thread.sleep)") {
        @Override
        void run(long[] delays, Recorder seen) throws Exception {
            List<Callable<Integer>> tasks = sleepers(delays, seen);
            seen.start();
            List<Integer> all = Gather.all(tasks);
            seen.gotAll();
            if (all.size() != delays.length) {
                throw new IllegalStateException("gather returned " + all.size() + " of " + delays.length);
            }
        }
    },
    COMPLETION_SERVICE("jdk-completion-service", "JDK ExecutorCompletionService (virtual thread per task)") {
        @Override
        void run(long[] delays, Recorder seen) throws Exception {
            List<Callable<Integer>> tasks = sleepers(delays, seen);
            seen.start();
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                ExecutorCompletionService<Integer> service = new ExecutorCompletionService<>(executor);
                for (Callable<Integer> task : tasks) {
                    service.submit(task);
                }
                for (int k = 0; k < tasks.size(); k++) {
                    seen.got(service.take().get());
                }
            }
        }
    },
    FUTURES_QUEUE("jdk-futures-queue", "JDK CompletableFuture timers, whenComplete -> BlockingQueue") {
        @Override
        void run(long[] delays, Recorder seen) throws Exception {
            List<Callable<CompletableFuture<Integer>>> starters = timers(delays, seen);
            seen.start();
            BlockingQueue<Integer> arrived = new LinkedBlockingQueue<>();
            for (Callable<CompletableFuture<Integer>> starter : starters) {
                starter.call().whenComplete((value, error) -> arrived.add(value));
            }
            for (int k = 0; k < delays.length; k++) {
                seen.got(arrived.take());
            }
        }
    },
    ANY_OF_LOOP("jdk-anyof-loop", "JDK loop of CompletableFuture.anyOf over the rest (timers)") {
        @Override
        void run(long[] delays, Recorder seen) throws Exception {
            List<Callable<CompletableFuture<Integer>>> starters = timers(delays, seen);
            seen.start();
            CompletableFuture<?>[] remaining = new CompletableFuture<?>[starters.size()];
            for (int i = 0; i < remaining.length; i++) {
                remaining[i] = starters.get(i).call();
            }
            // The common hand-written pattern: wait for any of the remaining futures, take the one that finished,
            // repeat with the rest. Each round builds an anyOf over everything left: O(n) per result.
            int left = remaining.length;
            while (left > 0 && !seen.overBudget()) {
                CompletableFuture.anyOf(Arrays.copyOf(remaining, left)).join();
                int winner = 0;
                while (!remaining[winner].isDone()) { // anyOf reports the first finished future in array order
                    winner++;
                }
                seen.got((Integer) remaining[winner].get());
                remaining[winner] = remaining[--left];
                remaining[left] = null;
            }
        }
    };

    final String id;
    final String label;

    JavaImpl(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Runs W(N) for {@code delays}, starting {@code seen}'s clock once the tasks are described. */
    abstract void run(long[] delays, Recorder seen) throws Exception;

    /**
     * Looks an implementation up by its id.
     *
     * @throws IllegalArgumentException naming the known ids if {@code id} is none of them
     */
    static JavaImpl byId(String id) {
        for (JavaImpl impl : values()) {
            if (impl.id.equals(id)) {
                return impl;
            }
        }
        throw new IllegalArgumentException("unknown Java implementation '" + id + "'; known: "
                + Arrays.stream(values()).map(i -> i.id).toList());
    }

    /** Blocking tasks: the i-th sleeps {@code delays[i]} on whatever thread runs it, then returns i. */
    static List<Callable<Integer>> sleepers(long[] delays, Recorder seen) {
        List<Callable<Integer>> tasks = new ArrayList<>(delays.length);
        for (int i = 0; i < delays.length; i++) {
            int index = i;
            long delay = delays[i];
            tasks.add(() -> {
                seen.began(index);
                TimeUnit.NANOSECONDS.sleep(delay);
                return index;
            });
        }
        return tasks;
    }

    /** Asynchronous tasks: calling the i-th arms a timer and returns a future that completes with i after it. */
    static List<Callable<CompletableFuture<Integer>>> timers(long[] delays, Recorder seen) {
        List<Callable<CompletableFuture<Integer>>> starters = new ArrayList<>(delays.length);
        for (int i = 0; i < delays.length; i++) {
            int index = i;
            long delay = delays[i];
            starters.add(() -> {
                seen.began(index);
                return new CompletableFuture<Integer>().completeOnTimeout(index, delay, TimeUnit.NANOSECONDS);
            });
        }
        return starters;
    }
}
