package arrivals.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arrivals.AsCompleted;
import arrivals.Completion;
import arrivals.Task;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FetcherTest {

    @Test
    void theTimeScaleMultipliesEveryDelay() {
        Fetcher fetch = Fetcher.scaled(0.1);
        assertEquals(Duration.ofMillis(250), fetch.realDelay(Duration.ofMillis(2500)));
        assertEquals(Duration.ofSeconds(3), Fetcher.realTime().realDelay(Duration.ofSeconds(3)));
        assertThrows(IllegalArgumentException.class, () -> Fetcher.scaled(0));
        assertThrows(IllegalArgumentException.class, () -> Fetcher.scaled(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> fetch.realDelay(Duration.ofMillis(-1)));
    }

    @Test
    void aBlockingFetchRepliesNamingItsSourceAndAnnouncesItsScale() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Fetcher fetch = Fetcher.scaled(0.5).printingTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Task<String> task = fetch.task("API 7", Duration.ofMillis(40));
        assertEquals("API 7", task.name());
        assertEquals(Fetcher.reply("API 7"), task.call());
        assertTrue(Fetcher.reply("API 7").contains("API 7"));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("API 7:") && lines.get(0).contains("time scale 0.5")
                && lines.get(0).contains("20 ms (40 ms at time scale 0.5)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("API 7:"), lines.get(1));
    }

    @Test
    void quietFetchesPrintNothing() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Fetcher fetch = Fetcher.scaled(0.01).printingTo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).quiet();
        for (Task<String> task : fetch.tasks(3, Delays.ofMillis(10, 20, 30))) {
            task.call();
        }
        fetch.futures(2, Delays.ofMillis(10, 20)).forEach(CompletableFuture::join);
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void batchesAreNamedFromOne() {
        List<Task<String>> tasks = Fetcher.realTime().quiet().tasks("Shop", 3, Delays.ofMillis(1, 2, 3));
        assertEquals(List.of("Shop 1", "Shop 2", "Shop 3"), tasks.stream().map(Task::name).toList());
        var tooMany = assertThrows(IndexOutOfBoundsException.class,
                () -> Fetcher.realTime().tasks(4, Delays.ofMillis(1, 2, 3)));
        assertTrue(tooMany.getMessage().contains("count is 4"), tooMany.getMessage());
    }

    @Test
    void timerFuturesCompleteByDelayAndEqualDelaysInCreationOrder() {
        // Equal delays are due at exactly the same moment; only the timer's ordering separates them. Delays are
        // long enough that AsCompleted is watching before any but the instant one completes (futures that are
        // already complete when it starts watching are handed over in list order).
        Delays delays = Delays.ofMillis(500, 250, 250, 250, 0, 500, 250);
        List<CompletableFuture<String>> futures = Fetcher.scaled(1).quiet().futures(7, delays);
        List<Integer> order = new ArrayList<>();
        try (var results = AsCompleted.ofFutures(futures)) {
            for (Completion<String> done : results) {
                order.add(done.index());
                assertEquals(Fetcher.reply(Fetcher.sourceName("API", done.index())), done.value());
            }
        }
        assertEquals(delays.finishingOrder(7), order);
    }

    @Test
    void aCancelledTimerFutureNeverCompletesNormallyAndSaysSo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Fetcher fetch = Fetcher.realTime().printingTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        CompletableFuture<String> slow = fetch.future("API 9", Duration.ofMillis(150));
        assertTrue(slow.cancel(true));
        Thread.sleep(300); // past its due time: the timer must leave the cancelled future alone
        assertThrows(CancellationException.class, slow::join);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("API 9: cancelled"), out);
        assertTrue(out.contains("API 9: request sent, reply due in 150 ms\n") && !out.contains("time scale"),
                "at real time the line says nothing about a time scale: " + out);
        assertTrue(!out.contains("replied"), out);
    }

    @Test
    void anInterruptEndsABlockingFetchAtOnce() throws Exception {
        Task<String> task = Fetcher.realTime().quiet().task("API 1", Duration.ofSeconds(30));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = Thread.ofVirtual().start(() -> {
            try {
                task.call();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        Thread.sleep(50);
        runner.interrupt();
        assertTrue(runner.join(Duration.ofSeconds(5)), "the fetch stopped sleeping when interrupted");
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
    }
}
