package arrivals.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exercise checks of notebooks 5 to 8 reject the likely wrong answers: each wrong answer below runs in place
 * of a solution, followed by a copy of its check, and the check must answer with a ✗ line. One test per notebook,
 * because each test runs its solution notebook once.
 */
class WrongAnswers05to08IT {


    @Test
    void inPracticeChecksRejectWrongAnswers() throws Exception {
        Map<String, String> verdicts = WrongAnswers.in("notebooks/solutions/05-in-practice-solutions.ipynb")
                .wrong("Map<String, Set<Integer>> sortByOutcome(SlowApi", "not done yet", """
                        Map<String, Set<Integer>> sortByOutcome(SlowApi server, int count, Duration deadline) {
                            throw Check.todo();
                        }""")
                .wrong("Map<String, Set<Integer>> sortByOutcome(SlowApi", "no deadline: waits for the hanging item", """
                        Map<String, Set<Integer>> sortByOutcome(SlowApi server, int count, Duration deadline) {
                            Map<String, Set<Integer>> groups = new TreeMap<>();
                            try (AsCompleted<String> replies = AsCompleted.ofFutures(server.fetchAll(client, count))) {
                                for (Completion<String> reply : replies) {
                                    groups.computeIfAbsent(RunTables.outcomeName(reply.outcome()), k -> new TreeSet<>())
                                            .add(reply.index());
                                }
                            }
                            return groups;
                        }""")
                .wrong("List<String> fetchPolitely(SlowApi", "one request after another", """
                        List<String> fetchPolitely(SlowApi server, int count, int limit) throws Exception {
                            List<String> bodies = new ArrayList<>();
                            for (int item = 0; item < count; item++) {
                                bodies.add(client.send(server.request(item), HttpResponse.BodyHandlers.ofString()).body());
                            }
                            return bodies;
                        }""")
                .wrong("List<String> fetchPolitely(SlowApi", "no limit", """
                        List<String> fetchPolitely(SlowApi server, int count, int limit) throws Exception {
                            List<Callable<String>> calls = IntStream.range(0, count).mapToObj(item -> (Callable<String>) () ->
                                    client.send(server.request(item), HttpResponse.BodyHandlers.ofString()).body()).toList();
                            List<String> bodies = new ArrayList<>();
                            try (AsCompleted<String> replies = AsCompleted.of(calls)) {
                                replies.forEach(reply -> bodies.add(reply.value()));
                            }
                            return bodies;
                        }""")
                .wrong("List<String> fetchPolitely(SlowApi", "gather with the limit: item order", """
                        List<String> fetchPolitely(SlowApi server, int count, int limit) throws Exception {
                            List<Callable<String>> calls = IntStream.range(0, count).mapToObj(item -> (Callable<String>) () ->
                                    client.send(server.request(item), HttpResponse.BodyHandlers.ofString()).body()).toList();
                            return Gather.all(calls, Options.defaults().maxConcurrency(limit));
                        }""")
                .wrong("List<Integer> firstItems(List<CompletableFuture<String>>", "no try: the rest keep running", """
                        List<Integer> firstItems(List<CompletableFuture<String>> replies, int k) {
                            List<Integer> items = new ArrayList<>();
                            for (Completion<String> reply : AsCompleted.ofFutures(replies)) {
                                items.add(reply.index());
                                if (items.size() == k) {
                                    break;
                                }
                            }
                            return items;
                        }""")
                .wrong("List<Integer> firstItems(List<CompletableFuture<String>>", "in item order", """
                        List<Integer> firstItems(List<CompletableFuture<String>> replies, int k) {
                            List<Integer> items = new ArrayList<>();
                            try (AsCompleted<String> arrivals = AsCompleted.ofFutures(replies)) {
                                for (Completion<String> reply : arrivals) {
                                    items.add(reply.index());
                                    if (items.size() == k) {
                                        break;
                                    }
                                }
                            }
                            return items.stream().sorted().toList();
                        }""")
                .run();
        assertEquals("✗ sortByOutcome returned soon after its 1 s deadline: still running after 5.0 s",
                verdicts.get("no deadline: waits for the hanging item"));
        WrongAnswers.assertAllRejected(verdicts);
    }

    @Test
    void underTheHoodChecksRejectWrongAnswers() throws Exception {
        Map<String, String> verdicts = WrongAnswers.in("notebooks/solutions/06-under-the-hood-solutions.ipynb")
                .wrong("List<Integer> arrivedBefore(List", "the full deadline on every poll", """
                        List<Integer> arrivedBefore(List<CompletableFuture<String>> futures, Duration deadline)
                                throws InterruptedException {
                            BlockingQueue<Arrived<String>> queue = arrivalsOf(futures);
                            List<Integer> arrived = new ArrayList<>();
                            Arrived<String> next;
                            while (arrived.size() < futures.size()
                                    && (next = queue.poll(deadline.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                                arrived.add(next.index());
                            }
                            return arrived;
                        }""")
                .wrong("List<Integer> arrivedBefore(List", "no deadline at all", """
                        List<Integer> arrivedBefore(List<CompletableFuture<String>> futures, Duration deadline)
                                throws InterruptedException {
                            BlockingQueue<Arrived<String>> queue = arrivalsOf(futures);
                            List<Integer> arrived = new ArrayList<>();
                            while (arrived.size() < futures.size()) {
                                arrived.add(queue.take().index());
                            }
                            return arrived;
                        }""")
                .wrong("List<Arrived<String>> completionService(List", "get() in submission order", """
                        List<Arrived<String>> completionService(List<Callable<String>> tasks) throws InterruptedException {
                            List<Arrived<String>> arrived = new ArrayList<>();
                            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                                List<Future<String>> futures = tasks.stream().map(executor::submit).toList();
                                for (int i = 0; i < futures.size(); i++) {
                                    try {
                                        arrived.add(new Arrived<>(i, futures.get(i).get(), null));
                                    } catch (ExecutionException e) {
                                        arrived.add(new Arrived<>(i, null, e.getCause()));
                                    }
                                }
                            }
                            return arrived;
                        }""")
                .wrong("List<Arrived<String>> completionService(List", "platform threads", """
                        List<Arrived<String>> completionService(List<Callable<String>> tasks) throws InterruptedException {
                            List<Arrived<String>> arrived = new ArrayList<>();
                            try (ExecutorService executor = Executors.newFixedThreadPool(tasks.size())) {
                                CompletionService<String> service = new ExecutorCompletionService<>(executor);
                                Map<Future<String>, Integer> indexOf = new HashMap<>();
                                for (int i = 0; i < tasks.size(); i++) {
                                    indexOf.put(service.submit(tasks.get(i)), i);
                                }
                                for (int k = 0; k < tasks.size(); k++) {
                                    Future<String> done = service.take();
                                    try {
                                        arrived.add(new Arrived<>(indexOf.get(done), done.get(), null));
                                    } catch (ExecutionException e) {
                                        arrived.add(new Arrived<>(indexOf.get(done), null, e.getCause()));
                                    }
                                }
                            }
                            return arrived;
                        }""")
                .wrong("List<Arrived<String>> completionService(List", "keeps the ExecutionException", """
                        List<Arrived<String>> completionService(List<Callable<String>> tasks) throws InterruptedException {
                            List<Arrived<String>> arrived = new ArrayList<>();
                            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                                CompletionService<String> service = new ExecutorCompletionService<>(executor);
                                Map<Future<String>, Integer> indexOf = new HashMap<>();
                                for (int i = 0; i < tasks.size(); i++) {
                                    indexOf.put(service.submit(tasks.get(i)), i);
                                }
                                for (int k = 0; k < tasks.size(); k++) {
                                    Future<String> done = service.take();
                                    try {
                                        arrived.add(new Arrived<>(indexOf.get(done), done.get(), null));
                                    } catch (ExecutionException e) {
                                        arrived.add(new Arrived<>(indexOf.get(done), null, e));
                                    }
                                }
                            }
                            return arrived;
                        }""")
                .wrong("int peakConcurrency(ExecutorService", "counts starts, never the ends", """
                        int peakConcurrency(ExecutorService executor, int tasks, Duration each) throws InterruptedException {
                            AtomicInteger started = new AtomicInteger();
                            try (executor) {
                                for (int i = 0; i < tasks; i++) {
                                    executor.submit(() -> {
                                        started.incrementAndGet();
                                        Thread.sleep(each);
                                        return null;
                                    });
                                }
                            }
                            return started.get();
                        }""")
                .wrong("int peakConcurrency(ExecutorService", "not done yet", """
                        int peakConcurrency(ExecutorService executor, int tasks, Duration each) throws InterruptedException {
                            throw Check.todo();
                        }""")
                .run();
        WrongAnswers.assertAllRejected(verdicts);
    }

    @Test
    void capstoneChecksRejectWrongAnswers() throws Exception {
        String sources = "List<Task<CompletableFuture<List<Hit>>>> sources";
        Map<String, String> verdicts = WrongAnswers.in("notebooks/solutions/07-capstone-solutions.ipynb")
                .wrong("List<Hit> mergeAsTheyArrive(List", "gather: each source in the order asked", """
                        List<Hit> mergeAsTheyArrive(%s) throws Exception {
                            List<CompletableFuture<List<Hit>>> started = new ArrayList<>();
                            for (var source : sources) {
                                started.add(source.call());
                            }
                            List<Hit> merged = new ArrayList<>();
                            for (var hits : started) {
                                try {
                                    merged.addAll(hits.join());
                                } catch (CompletionException failed) {
                                    // skip the broken source
                                }
                            }
                            return merged;
                        }""".formatted(sources))
                .wrong("List<Hit> mergeWithDeadline(List", "no deadline", """
                        List<Hit> mergeWithDeadline(%s, Duration deadline) {
                            List<Hit> merged = new ArrayList<>();
                            try (var results = AsCompleted.ofAsync(sources)) {
                                for (Completion<List<Hit>> done : results) {
                                    if (done.isSuccess()) {
                                        merged.addAll(done.value());
                                    }
                                }
                            }
                            return merged;
                        }""".formatted(sources))
                .wrong("SearchReport search(List", "everything at the end, in the order asked", """
                        SearchReport search(%s, Duration deadline) {
                            List<Completion<List<Hit>>> all = new ArrayList<>();
                            try (var results = AsCompleted.ofAsync(sources, Options.defaults().timeout(deadline))) {
                                results.forEach(all::add);
                            }
                            all.sort(Comparator.comparingInt(done -> done.index())); // back in the order asked
                            List<Hit> hits = new ArrayList<>();
                            List<String> answered = new ArrayList<>(), failed = new ArrayList<>(), late = new ArrayList<>();
                            for (var done : all) {
                                if (done.isSuccess()) {
                                    hits.addAll(done.value());
                                    answered.add(done.name());
                                } else if (done.outcome() instanceof Outcome.Failure<List<Hit>>) {
                                    failed.add(done.name());
                                } else {
                                    late.add(done.name());
                                }
                            }
                            return new SearchReport(hits, answered, failed, late);
                        }""".formatted(sources))
                .wrong("SearchReport search(List", "late counted as failed", """
                        SearchReport search(%s, Duration deadline) {
                            List<Hit> hits = new ArrayList<>();
                            List<String> answered = new ArrayList<>(), failed = new ArrayList<>();
                            try (var results = AsCompleted.ofAsync(sources, Options.defaults().timeout(deadline))) {
                                for (var done : results) {
                                    if (done.isSuccess()) {
                                        hits.addAll(done.value());
                                        answered.add(done.name());
                                    } else {
                                        failed.add(done.name());
                                    }
                                }
                            }
                            return new SearchReport(hits, answered, failed, List.of());
                        }""".formatted(sources))
                .wrong("List<Hit> firstHits(List", "stops reading but cancels nothing", """
                        List<Hit> firstHits(%s, int enough) {
                            List<Hit> merged = new ArrayList<>();
                            for (Completion<List<Hit>> done : AsCompleted.ofAsync(sources)) {
                                if (done.isSuccess()) {
                                    merged.addAll(done.value());
                                }
                                if (merged.size() >= enough) {
                                    return merged;
                                }
                            }
                            return merged;
                        }""".formatted(sources))
                .run();
        WrongAnswers.assertAllRejected(verdicts);
    }

    /** Each bug zoo exercise's check rejects the buggy program the exercise starts from. */
    @Test
    void bugZooChecksRejectTheBuggyPrograms() throws Exception {
        Map<String, String> verdicts = WrongAnswers.in("notebooks/solutions/08-bug-zoo-solutions.ipynb")
                .wrong("List<String> valuesAsTheyFinish(List", "the buggy program: get() in submission order", """
                        List<String> valuesAsTheyFinish(List<CompletableFuture<String>> futures) throws Exception {
                            // TODO: this waits in submission order; return the values in the order the futures complete
                            List<String> values = new ArrayList<>();
                            for (CompletableFuture<String> future : futures) {
                                values.add(future.get());
                            }
                            return values;
                        }""")
                .wrong("List<Integer> indicesInOrder(List", "the buggy program: the anyOf loop", """
                        List<Integer> indicesInOrder(List<CompletableFuture<String>> futures) {
                            // TODO: anyOf loses the index and stops at the first failure; use one callback per future and a queue
                            List<Integer> order = new ArrayList<>();
                            List<CompletableFuture<String>> pending = new ArrayList<>(futures);
                            while (!pending.isEmpty()) {
                                Object winner = CompletableFuture.anyOf(pending.toArray(CompletableFuture[]::new)).join();
                                order.add(futures.indexOf(pending.stream().filter(CompletableFuture::isDone).findFirst().orElseThrow()));
                                pending.removeIf(CompletableFuture::isDone);
                            }
                            return order;
                        }""")
                .wrong("String fastestMirror(List", "the buggy program: the run is never closed", """
                        String fastestMirror(List<Task<String>> mirrors) {
                            // TODO: the run is never closed, so the slower mirrors keep running
                            return AsCompleted.of(mirrors).iterator().next().value();
                        }""")
                .wrong("CompletableFuture<String> shownUpperCase(CompletableFuture", "the buggy program: thenApply: the cancel stops at the stage", """
                        CompletableFuture<String> shownUpperCase(CompletableFuture<String> request) {
                            // TODO: cancelling the returned stage must cancel the request as well
                            return request.thenApply(String::toUpperCase);
                        }""")
                .run();
        WrongAnswers.assertAllRejected(verdicts);
    }
}
