package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad inputs and misuse, tried systematically: each row is answered with the stated exception, whose message
 * names the argument or the misuse, and never a hang. A second table holds edge values that are valid and must
 * simply work. ContractTest has the first examples; these tables cover what it lacks.
 */
class BadInputTest {
    private static final ProofStats STATS = new ProofStats("BadInputs");
    private static final Duration NO_HANG = Duration.ofSeconds(10);
    private static final Callable<String> OK = () -> "ok";

    @BeforeAll
    static void begin() {
        STATS.begin();
    }

    @AfterAll
    static void report() {
        STATS.report();
    }

    static Stream<Arguments> rejected() {
        List<Callable<String>> nullLast = new ArrayList<>(Collections.nCopies(299, OK));
        nullLast.add(null);
        List<Callable<String>> linked = new LinkedList<>(Arrays.asList(OK, OK, null, OK));
        List<CompletableFuture<String>> futuresWithNull = new LinkedList<>();
        futuresWithNull.add(CompletableFuture.completedFuture("a"));
        futuresWithNull.add(null);
        List<Callable<String>> one = List.of(OK);
        return Stream.of(
                row("Gather.all(tasks, null)", NullPointerException.class, "options",
                        () -> Gather.all(one, null)),
                row("Gather.settled(tasks, null)", NullPointerException.class, "options",
                        () -> Gather.settled(one, null)),
                row("AsCompleted.ofFutures(futures, null)", NullPointerException.class, "options",
                        () -> AsCompleted.ofFutures(List.of(new CompletableFuture<String>()), null)),
                row("Gather.settled with a null first element", NullPointerException.class, "tasks[0]",
                        () -> Gather.settled(Arrays.asList(null, OK))),
                row("AsCompleted.of with null as the last of 300", NullPointerException.class, "tasks[299]",
                        () -> AsCompleted.of(nullLast)),
                row("Gather.all with a null inside a LinkedList", NullPointerException.class, "tasks[2]",
                        () -> Gather.all(linked)),
                row("AsCompleted.ofFutures with a null in a LinkedList", NullPointerException.class, "futures[1]",
                        () -> AsCompleted.ofFutures(futuresWithNull)),
                row("Options.timeout(null)", NullPointerException.class, "timeout",
                        () -> Options.defaults().timeout(null)),
                row("Options.stopGrace(null)", NullPointerException.class, "grace",
                        () -> Options.defaults().stopGrace(null)),
                row("Options.executor(null)", NullPointerException.class, "executor",
                        () -> Options.defaults().executor(null)),
                row("Options.onProgress(null)", NullPointerException.class, "progress",
                        () -> Options.defaults().onProgress(null)),
                row("Options.listener(null)", NullPointerException.class, "listener",
                        () -> Options.defaults().listener(null)),
                row("Task.of(null, work)", NullPointerException.class, "name", () -> Task.of(null, OK)),
                row("Task.of(name, null)", NullPointerException.class, "work", () -> Task.of("x", null)),
                row("timeout of -1 ns", IllegalArgumentException.class, "timeout",
                        () -> Options.defaults().timeout(Duration.ofNanos(-1))),
                row("maxConcurrency(Integer.MIN_VALUE)", IllegalArgumentException.class, "maxConcurrency",
                        () -> Options.defaults().maxConcurrency(Integer.MIN_VALUE)),
                row("stopGrace of -1 ns", IllegalArgumentException.class, "stopGrace",
                        () -> Options.defaults().stopGrace(Duration.ofNanos(-1))),
                row("ofFutures with an executor", IllegalArgumentException.class, "executor",
                        () -> AsCompleted.ofFutures(List.of(new CompletableFuture<String>()),
                                Options.defaults().executor(Runnable::run))),
                row("stream() after iterator()", IllegalStateException.class, "only once", () -> {
                    try (var results = AsCompleted.of(one)) {
                        results.iterator();
                        results.stream();
                    }
                }),
                row("iterator() after stream()", IllegalStateException.class, "only once", () -> {
                    try (var results = AsCompleted.of(one)) {
                        results.stream();
                        results.iterator();
                    }
                }),
                row("stream() twice", IllegalStateException.class, "only once", () -> {
                    try (var results = AsCompleted.of(one)) {
                        results.stream();
                        results.stream();
                    }
                }),
                row("stream() after close()", IllegalStateException.class, "closed", () -> {
                    var results = AsCompleted.of(one);
                    results.close();
                    results.stream();
                }),
                row("forEach after close()", IllegalStateException.class, "closed", () -> {
                    var results = AsCompleted.of(one);
                    results.close();
                    results.forEach(done -> { });
                }),
                row("next() after an interrupt ended the iteration", IllegalStateException.class, "closed", () -> {
                    Callable<String> sleeper = () -> {
                        Thread.sleep(60_000);
                        return "never";
                    };
                    var results = AsCompleted.of(List.of(sleeper));
                    Iterator<Completion<String>> it = results.iterator();
                    Thread.currentThread().interrupt();
                    assertThrows(CancellationException.class, it::next);
                    assertTrue(Thread.interrupted());
                    it.next();
                }),
                row("next() after every result of a run that was closed early", IllegalStateException.class,
                        "closed", () -> {
                    var results = AsCompleted.of(List.of(OK, OK, OK));
                    Iterator<Completion<String>> it = results.iterator();
                    it.next();
                    results.close();
                    it.next();
                }),
                row("next() on an empty run", NoSuchElementException.class, "0 completions", () -> {
                    try (var results = AsCompleted.<String>of(List.of())) {
                        results.iterator().next();
                    }
                }),
                row("Iterator.remove()", UnsupportedOperationException.class, "remove", () -> {
                    try (var results = AsCompleted.of(one)) {
                        Iterator<Completion<String>> it = results.iterator();
                        it.next();
                        it.remove();
                    }
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void badInputGetsAClearExceptionNamingIt(String what, Class<? extends Throwable> type, String named,
                                             Executable call) {
        Throwable e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(type, call, what), what + " hung");
        String message = e.getMessage();
        assertTrue(message != null && message.contains(named),
                what + ": expected a message naming '" + named + "' but was: " + message);
        STATS.add("badInputsRejected");
    }

    /**
     * Null options are rejected by name before they are used, so the message does not depend on the JVM's helpful
     * NullPointerException messages (which a JVM may switch off).
     */
    @Test
    void nullOptionsAreNamedByEveryFactory() {
        List<Callable<String>> one = List.of(OK);
        List<Executable> calls = List.of(
                () -> AsCompleted.of(one, null),
                () -> AsCompleted.ofFutures(List.of(CompletableFuture.completedFuture("a")), null),
                () -> AsCompleted.ofAsync(List.of(() -> CompletableFuture.completedFuture("a")), null),
                () -> Gather.all(one, null),
                () -> Gather.settled(one, null));
        for (Executable call : calls) {
            assertEquals("options", assertThrows(NullPointerException.class, call).getMessage());
        }
    }

    /** Valid but extreme inputs: each must simply work, promptly. */
    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments(named("a timeout of ChronoUnit.FOREVER", (Executable) () ->
                        assertEquals(List.of("ok", "ok"), Gather.all(List.of(OK, OK),
                                Options.defaults().timeout(ChronoUnit.FOREVER.getDuration()))))),
                arguments(named("a timeout of a million years", (Executable) () -> {
                    try (var results = AsCompleted.of(List.of(OK),
                            Options.defaults().timeout(Duration.ofDays(365L * 1_000_000)))) {
                        assertEquals("ok", results.iterator().next().value());
                    }
                })),
                arguments(named("a stop grace of ChronoUnit.FOREVER", (Executable) () -> {
                    var results = AsCompleted.of(List.of(OK, () -> {
                        Thread.sleep(60_000);
                        return "never";
                    }), Options.defaults().stopGrace(ChronoUnit.FOREVER.getDuration()));
                    assertEquals("ok", results.iterator().next().value());
                    results.close(); // the sleeper stops on its interrupt; the grace is only an upper bound
                    assertEquals(List.of(), results.stillRunning());
                })),
                arguments(named("a timeout of 1 ns", (Executable) () -> {
                    List<Outcome<String>> outcomes = Gather.settled(List.of(OK, () -> {
                        Thread.sleep(60_000);
                        return "never";
                    }), Options.defaults().timeout(Duration.ofNanos(1)));
                    assertInstanceOf(Outcome.TimedOut.class, outcomes.get(1));
                })),
                arguments(named("maxConcurrency(Integer.MAX_VALUE) with futures: unbounded", (Executable) () -> {
                    try (var results = AsCompleted.ofFutures(List.of(CompletableFuture.completedFuture("a")),
                            Options.defaults().maxConcurrency(Integer.MAX_VALUE))) {
                        assertEquals(1, results.stream().count());
                    }
                })),
                arguments(named("maxConcurrency larger than the input", (Executable) () ->
                        assertEquals(3, Gather.all(List.of(OK, OK, OK),
                                Options.defaults().maxConcurrency(Integer.MAX_VALUE - 1)).size()))),
                arguments(named("empty input under every option", (Executable) () -> {
                    RunListenerTest.Log log = new RunListenerTest.Log();
                    AtomicInteger progress = new AtomicInteger();
                    Options all = Options.defaults().timeout(Duration.ofMillis(1)).maxConcurrency(1).failFast(true)
                            .listener(log).onProgress((d, t) -> progress.incrementAndGet())
                            .stopGrace(Duration.ZERO);
                    assertEquals(List.of(), Gather.all(List.<Callable<String>>of(), all));
                    assertEquals(List.of(), Gather.settled(List.<Callable<String>>of(), all));
                    try (var results = AsCompleted.<String>of(List.of(), all)) {
                        assertFalse(results.iterator().hasNext());
                    }
                    try (var results = AsCompleted.<String>ofFutures(List.of(),
                            Options.defaults().timeout(Duration.ofMillis(1)).listener(log))) {
                        assertEquals(0, results.stream().count());
                    }
                    assertEquals(0, progress.get());
                    assertEquals(4, Collections.frequency(log.lines, "end []"));
                })),
                arguments(named("the same callable at 50 positions", (Executable) () -> {
                    AtomicInteger calls = new AtomicInteger();
                    Callable<Integer> counted = calls::incrementAndGet;
                    List<Integer> values = Gather.all(Collections.nCopies(50, counted));
                    assertEquals(50, values.size());
                    assertEquals(50, values.stream().distinct().count(), "each position ran once");
                    assertEquals(50, calls.get());
                })),
                arguments(named("the same future at three positions, then the deadline", (Executable) () -> {
                    CompletableFuture<String> never = new CompletableFuture<>();
                    List<Completion<String>> got = new ArrayList<>();
                    try (var results = AsCompleted.ofFutures(List.of(never, never, never),
                            Options.defaults().timeout(Duration.ofMillis(5)))) {
                        results.forEach(got::add);
                    }
                    assertEquals(3, got.size());
                    for (Completion<String> c : got) {
                        assertInstanceOf(Outcome.TimedOut.class, c.outcome(), c.toString());
                    }
                    assertTrue(never.isCancelled());
                })),
                arguments(named("close() from the loop body, then keep iterating", (Executable) () -> {
                    var results = AsCompleted.of(List.of(OK, OK, OK));
                    int seen = 0;
                    for (Completion<String> done : results) {
                        seen++;
                        results.close();
                    }
                    assertEquals(1, seen, "closing ends the iteration");
                })),
                arguments(named("a task that closes its own run (stop grace 30 s)", (Executable) () ->
                        taskClosesItsOwnRun(Duration.ofSeconds(30)))),
                arguments(named("a task that closes its own run (stop grace FOREVER)", (Executable) () ->
                        taskClosesItsOwnRun(ChronoUnit.FOREVER.getDuration()))),
                arguments(named("a stream's iterator after close(): the stream has simply ended", (Executable) () -> {
                    var results = AsCompleted.of(List.of(OK, OK));
                    Iterator<Completion<String>> it = results.stream().iterator();
                    results.close();
                    assertFalse(it.hasNext());
                })),
                arguments(named("an executor that runs every task on the caller, one at a time", (Executable) () ->
                        assertEquals(List.of("ok", "ok"), Gather.all(List.of(OK, OK),
                                Options.defaults().executor(Runnable::run).maxConcurrency(1))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void extremeButValidInputSimplyWorks(Executable check) {
        assertTimeoutPreemptively(NO_HANG, check);
        STATS.add("edgeValuesAccepted");
    }

    /**
     * A task closes its own run while the consumer closes it too, in either order. Neither close may wait for
     * the task's own thread (with an endless grace, that would be a deadlock); afterwards only the closing task
     * may still be running, it is reported, and it ends by itself.
     */
    private static void taskClosesItsOwnRun(Duration grace) throws Exception {
        CompletableFuture<AsCompleted<String>> handle = new CompletableFuture<>();
        Callable<String> closesItsRun = () -> {
            handle.get().close();
            return "closed myself";
        };
        Callable<String> sleeper = () -> {
            Thread.sleep(60_000);
            return "never";
        };
        ThreadCensus census = new ThreadCensus();
        var results = AsCompleted.of(List.of(closesItsRun, sleeper),
                Options.defaults().stopGrace(grace).threadFactory(census));
        handle.complete(results);
        results.close();
        assertTrue(List.of(0).containsAll(results.stillRunning()), "reported: " + results.stillRunning());
        census.assertAllEnd("self-closing run");
    }

    private static Arguments row(String what, Class<? extends Throwable> type, String named, Executable call) {
        return arguments(what, type, named, call);
    }
}
