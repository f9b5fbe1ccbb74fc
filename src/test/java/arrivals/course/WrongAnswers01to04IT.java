package arrivals.course;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each exercise check of notebooks 01 to 04 rejects the wrong answers a student is likely to write: every wrong
 * answer below must make its check print one ✗ line (see {@link WrongAnswers}). That the real solutions pass is
 * the notebook engine's test (NotebooksIT runs every solution notebook); here the real solution also runs after
 * its wrong answers, so a probe that broke the session would show up as "not run".
 */
class WrongAnswers01to04IT {

    @Test
    void notebook01() throws Exception {
        WrongAnswers.assertAllRejected(WrongAnswers.in("notebooks/solutions/01-why-concurrency-solutions.ipynb")
                .wrong("void pauseAllAtOnce", "Ex1 not done yet", """
                        void pauseAllAtOnce(List<Duration> waits) throws Exception {
                            throw Check.todo();
                        }""")
                .wrong("void pauseAllAtOnce", "Ex1 one after another", """
                        void pauseAllAtOnce(List<Duration> waits) throws Exception {
                            for (Duration wait : waits) probe.pause(wait);
                        }""")
                .wrong("void pauseAllAtOnce", "Ex1 platform threads", """
                        void pauseAllAtOnce(List<Duration> waits) throws Exception {
                            try (ExecutorService executor = Executors.newFixedThreadPool(waits.size())) {
                                for (Duration wait : waits) executor.submit(() -> { probe.pause(wait); return null; });
                            }
                        }""")
                .wrong("void pauseAllAtOnce", "Ex1 does not wait for the threads", """
                        void pauseAllAtOnce(List<Duration> waits) throws Exception {
                            for (Duration wait : waits) Thread.ofVirtual().start(() -> {
                                try { probe.pause(wait); } catch (InterruptedException e) { }
                            });
                            Thread.sleep(20);
                        }""")
                .wrong("List<String> fetchInOrder", "Ex2 not done yet", """
                        List<String> fetchInOrder(List<String> names, Map<String, Duration> delays) throws Exception {
                            throw Check.todo();
                        }""")
                .wrong("List<String> fetchInOrder", "Ex2 one after another", """
                        List<String> fetchInOrder(List<String> names, Map<String, Duration> delays) throws Exception {
                            List<String> out = new ArrayList<>();
                            for (String name : names) out.add(fetchCounted(name, delays.get(name)));
                            return out;
                        }""")
                .wrong("List<String> fetchInOrder", "Ex2 in the order they come back", """
                        List<String> fetchInOrder(List<String> names, Map<String, Duration> delays) throws Exception {
                            List<String> out = Collections.synchronizedList(new ArrayList<>());
                            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                                for (String name : names) executor.submit(() -> out.add(fetchCounted(name, delays.get(name))));
                            }
                            return out;
                        }""")
                .wrong("List<String> fetchInOrder", "Ex2 platform threads", """
                        List<String> fetchInOrder(List<String> names, Map<String, Duration> delays) throws Exception {
                            try (ExecutorService executor = Executors.newCachedThreadPool()) {
                                List<Future<String>> futures = new ArrayList<>();
                                for (String name : names) futures.add(executor.submit(() -> fetchCounted(name, delays.get(name))));
                                List<String> out = new ArrayList<>();
                                for (Future<String> f : futures) out.add(f.get());
                                return out;
                            }
                        }""")
                .wrong("double idealSpeedUp", "Ex3 not done yet", """
                        double idealSpeedUp(List<Duration> waits) {
                            throw Check.todo();
                        }""")
                .wrong("double idealSpeedUp", "Ex3 the number of waits", """
                        double idealSpeedUp(List<Duration> waits) {
                            return waits.size();
                        }""")
                .wrong("double idealSpeedUp", "Ex3 longest over shortest", """
                        double idealSpeedUp(List<Duration> waits) {
                            long max = waits.stream().mapToLong(Duration::toMillis).max().orElse(1);
                            long min = waits.stream().mapToLong(Duration::toMillis).min().orElse(1);
                            return (double) max / min;
                        }""")
                .run());
    }

    @Test
    void notebook02() throws Exception {
        WrongAnswers.assertAllRejected(WrongAnswers.in("notebooks/solutions/02-gather-solutions.ipynb")
                .wrong("List<String> withFallback", "Ex1 not done yet", """
                        List<String> withFallback(List<Task<String>> tasks, String fallback) throws InterruptedException {
                            throw Check.todo();
                        }""")
                .wrong("List<String> withFallback", "Ex1 one after another", """
                        List<String> withFallback(List<Task<String>> tasks, String fallback) throws InterruptedException {
                            List<String> out = new ArrayList<>();
                            for (Task<String> task : tasks) {
                                try { out.add(task.call()); } catch (Exception e) { out.add(fallback); }
                            }
                            return out;
                        }""")
                .wrong("List<String> withFallback", "Ex1 fail-fast Gather.all", """
                        List<String> withFallback(List<Task<String>> tasks, String fallback) throws InterruptedException {
                            return Gather.all(tasks);
                        }""")
                .wrong("List<String> withFallback", "Ex1 in finishing order", """
                        List<String> withFallback(List<Task<String>> tasks, String fallback) throws InterruptedException {
                            List<String> out = new ArrayList<>();
                            try (var results = AsCompleted.of(tasks)) {
                                for (var done : results) out.add(done.outcome().orElse(fallback));
                            }
                            return out;
                        }""")
                .wrong("String whoFailed", "Ex2 not done yet", """
                        String whoFailed(List<Task<String>> tasks) throws InterruptedException {
                            throw Check.todo();
                        }""")
                .wrong("String whoFailed", "Ex2 first failure in the list", """
                        String whoFailed(List<Task<String>> tasks) throws InterruptedException {
                            List<Outcome<String>> outcomes = Gather.settled(tasks);
                            for (int i = 0; i < outcomes.size(); i++) {
                                if (outcomes.get(i) instanceof Outcome.Failure<String> f) {
                                    return tasks.get(i).name() + ": " + f.exception().getMessage();
                                }
                            }
                            return "nobody";
                        }""")
                .wrong("String whoFailed", "Ex2 the wrapper's message", """
                        String whoFailed(List<Task<String>> tasks) throws InterruptedException {
                            try { Gather.all(tasks); return "nobody"; }
                            catch (TaskFailedException e) { return e.taskName() + ": " + e.getMessage(); }
                        }""")
                .wrong("String whoFailed", "Ex2 lets the exception escape", """
                        String whoFailed(List<Task<String>> tasks) throws InterruptedException {
                            Gather.all(tasks);
                            return "nobody";
                        }""")
                .wrong("List<String> readyBefore", "Ex3 not done yet", """
                        List<String> readyBefore(List<Task<String>> tasks, Duration moment) throws InterruptedException {
                            throw Check.todo();
                        }""")
                .wrong("List<String> readyBefore", "Ex3 received instead of finished", """
                        List<String> readyBefore(List<Task<String>> tasks, Duration moment) throws InterruptedException {
                            Recorder recorder = new Recorder();
                            Gather.all(tasks, recorder.options());
                            return recorder.last().completions().stream()
                                    .filter(done -> done.received().compareTo(moment) < 0).map(Completion::name).toList();
                        }""")
                .wrong("List<String> readyBefore", "Ex3 in finishing order", """
                        List<String> readyBefore(List<Task<String>> tasks, Duration moment) throws InterruptedException {
                            Recorder recorder = new Recorder();
                            Gather.all(tasks, recorder.options());
                            return recorder.last().completions().stream()
                                    .sorted(Comparator.comparing(Completion::finished))
                                    .filter(done -> done.finished().compareTo(moment) < 0).map(Completion::name).toList();
                        }""")
                .run());
    }

    @Test
    void notebook03() throws Exception {
        WrongAnswers.assertAllRejected(WrongAnswers.in("notebooks/solutions/03-as-completed-solutions.ipynb")
                .wrong("List<String> firstK", "Ex1 not done yet", """
                        List<String> firstK(List<Task<String>> tasks, int k) {
                            throw Check.todo();
                        }""")
                .wrong("List<String> firstK", "Ex1 gather, then the first k of the list", """
                        List<String> firstK(List<Task<String>> tasks, int k) {
                            try { return Gather.all(tasks).subList(0, k); }
                            catch (InterruptedException e) { throw new IllegalStateException(e); }
                        }""")
                .wrong("List<String> firstK", "Ex1 every result, then the first k", """
                        List<String> firstK(List<Task<String>> tasks, int k) {
                            try (var results = AsCompleted.of(tasks)) {
                                return results.stream().map(Completion::value).toList().subList(0, k);
                            }
                        }""")
                .wrong("List<String> firstK", "Ex1 break without closing the run", """
                        List<String> firstK(List<Task<String>> tasks, int k) {
                            List<String> firsts = new ArrayList<>();
                            for (Completion<String> done : AsCompleted.of(tasks)) {
                                firsts.add(done.value());
                                if (firsts.size() == k) break;
                            }
                            return firsts;
                        }""")
                .wrong("int countBy", "Ex2 not done yet", """
                        int countBy(List<Task<String>> tasks, Duration deadline) {
                            throw Check.todo();
                        }""")
                .wrong("int countBy", "Ex2 finished times under gather", """
                        int countBy(List<Task<String>> tasks, Duration deadline) {
                            var recorder = new arrivals.record.Recorder();
                            try { Gather.all(tasks, recorder.options()); }
                            catch (InterruptedException e) { throw new IllegalStateException(e); }
                            return (int) recorder.last().completions().stream()
                                    .filter(done -> done.finished().compareTo(deadline) < 0).count();
                        }""")
                .wrong("int countBy", "Ex2 received times, no deadline", """
                        int countBy(List<Task<String>> tasks, Duration deadline) {
                            try (var results = AsCompleted.of(tasks)) {
                                return (int) results.stream().filter(done -> done.received().compareTo(deadline) < 0).count();
                            }
                        }""")
                .wrong("int countBy", "Ex2 counts the timed-out ones too", """
                        int countBy(List<Task<String>> tasks, Duration deadline) {
                            try (var results = AsCompleted.of(tasks, Options.defaults().timeout(deadline))) {
                                return (int) results.stream().count();
                            }
                        }""")
                .wrong("List<String> serveAll", "Ex3 not done yet", """
                        List<String> serveAll(List<Task<String>> orders, List<String> problems) {
                            throw Check.todo();
                        }""")
                .wrong("List<String> serveAll", "Ex3 settled, in order of the orders", """
                        List<String> serveAll(List<Task<String>> orders, List<String> problems) {
                            List<String> served = new ArrayList<>();
                            try {
                                List<Outcome<String>> outcomes = Gather.settled(orders);
                                for (int i = 0; i < outcomes.size(); i++) {
                                    if (outcomes.get(i).isSuccess()) served.add(outcomes.get(i).orElse(null));
                                    else problems.add(orders.get(i).name());
                                }
                            } catch (InterruptedException e) { throw new IllegalStateException(e); }
                            return served;
                        }""")
                .wrong("List<String> serveAll", "Ex3 value() without looking at the outcome", """
                        List<String> serveAll(List<Task<String>> orders, List<String> problems) {
                            List<String> served = new ArrayList<>();
                            try (var plates = AsCompleted.of(orders)) {
                                for (var plate : plates) served.add(plate.value());
                            }
                            return served;
                        }""")
                .wrong("List<String> serveAll", "Ex3 failures skipped, not reported", """
                        List<String> serveAll(List<Task<String>> orders, List<String> problems) {
                            List<String> served = new ArrayList<>();
                            try (var plates = AsCompleted.of(orders)) {
                                for (var plate : plates) if (plate.isSuccess()) served.add(plate.value());
                            }
                            return served;
                        }""")
                .run());
    }

    @Test
    void notebook04() throws Exception {
        WrongAnswers.assertAllRejected(WrongAnswers.in("notebooks/solutions/04-side-by-side-solutions.ipynb")
                .wrong("long outOfOrderPairs", "Ex1 not done yet", """
                        long outOfOrderPairs(List<Integer> arrival) {
                            throw Check.todo();
                        }""")
                .wrong("long outOfOrderPairs", "Ex1 neighbours only", """
                        long outOfOrderPairs(List<Integer> arrival) {
                            long swaps = 0;
                            for (int k = 1; k < arrival.size(); k++) if (arrival.get(k - 1) > arrival.get(k)) swaps++;
                            return swaps;
                        }""")
                .wrong("long outOfOrderPairs", "Ex1 pairs in order instead", """
                        long outOfOrderPairs(List<Integer> arrival) {
                            long pairs = 0;
                            for (int a = 0; a < arrival.size(); a++)
                                for (int b = a + 1; b < arrival.size(); b++) if (arrival.get(a) < arrival.get(b)) pairs++;
                            return pairs;
                        }""")
                .wrong("Map<Long, Double> firstShare", "Ex2 not done yet", """
                        Map<Long, Double> firstShare(Table summary) {
                            throw Check.todo();
                        }""")
                .wrong("Map<Long, Double> firstShare", "Ex2 keyed by row number", """
                        Map<Long, Double> firstShare(Table summary) {
                            Map<Long, Double> shares = new HashMap<>();
                            for (int row = 0; row < summary.rowCount(); row++)
                                shares.put((long) row, summary.doubleColumn(RunTables.FIRST_MS).getDouble(row)
                                        / summary.doubleColumn(RunTables.TOTAL_MS).getDouble(row));
                            return shares;
                        }""")
                .wrong("Map<Long, Double> firstShare", "Ex2 total over first", """
                        Map<Long, Double> firstShare(Table summary) {
                            Map<Long, Double> shares = new HashMap<>();
                            for (int row = 0; row < summary.rowCount(); row++)
                                shares.put(summary.longColumn(RunTables.RUN).get(row), summary.doubleColumn(RunTables.TOTAL_MS).getDouble(row)
                                        / summary.doubleColumn(RunTables.FIRST_MS).getDouble(row));
                            return shares;
                        }""")
                .wrong("Compare showOff", "Ex3 not done yet", """
                        Compare showOff() throws InterruptedException {
                            throw Check.todo();
                        }""")
                .wrong("Compare showOff", "Ex3 delays increasing", """
                        Compare showOff() throws InterruptedException {
                            return Compare.of(Fetcher.realTime().quiet().tasks(4, Delays.ofMillis(100, 250, 350, 500)), Options.defaults(), 2);
                        }""")
                .wrong("Compare showOff", "Ex3 delays too close", """
                        Compare showOff() throws InterruptedException {
                            return Compare.of(Fetcher.realTime().quiet().tasks(4, Delays.ofMillis(450, 400, 350, 100)), Options.defaults(), 2);
                        }""")
                .wrong("Compare showOff", "Ex3 first results too close", """
                        Compare showOff() throws InterruptedException {
                            return Compare.of(Fetcher.realTime().quiet().tasks(4, Delays.ofMillis(400, 300, 200, 100)), Options.defaults(), 2);
                        }""")
                .wrong("Compare showOff", "Ex3 one round", """
                        Compare showOff() throws InterruptedException {
                            return Compare.of(Fetcher.realTime().quiet().tasks(4, Delays.ofMillis(600, 450, 300, 100)));
                        }""")
                .wrong("void processAsTheyCome", "Ex4 not done yet", """
                        void processAsTheyCome(List<Task<String>> tasks, int workers) throws Exception {
                            throw Check.todo();
                        }""")
                .wrong("void processAsTheyCome", "Ex4 processing in the loop", """
                        void processAsTheyCome(List<Task<String>> tasks, int workers) throws Exception {
                            try (var results = AsCompleted.of(tasks)) {
                                for (var done : results) process(done.value());
                            }
                        }""")
                .wrong("void processAsTheyCome", "Ex4 a virtual thread per result, unbounded", """
                        void processAsTheyCome(List<Task<String>> tasks, int workers) throws Exception {
                            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
                                 var results = AsCompleted.of(tasks)) {
                                for (var done : results) { String r = done.value(); pool.submit(() -> { process(r); return null; }); }
                            }
                        }""")
                .wrong("void processAsTheyCome", "Ex4 gather, then a pool of two", """
                        void processAsTheyCome(List<Task<String>> tasks, int workers) throws Exception {
                            try (ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofVirtual().factory())) {
                                for (String r : Gather.all(tasks)) pool.submit(() -> { process(r); return null; });
                            }
                        }""")
                .wrong("void processAsTheyCome", "Ex4 does not wait for the workers", """
                        void processAsTheyCome(List<Task<String>> tasks, int workers) throws Exception {
                            ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofVirtual().factory());
                            try (var results = AsCompleted.of(tasks)) {
                                for (var done : results) { String r = done.value(); pool.submit(() -> { process(r); return null; }); }
                            }
                            pool.shutdown();
                        }""")
                .run());
    }
}
