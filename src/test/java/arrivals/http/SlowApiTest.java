package arrivals.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arrivals.AsCompleted;
import arrivals.Completion;
import arrivals.Outcome;
import arrivals.simulate.Delays;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SlowApiTest {
    static HttpClient client;

    @BeforeAll
    static void client() {
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    void servesAHundredConcurrentRequestsSideBySide() throws Exception {
        long[] delays = new long[100];
        java.util.Arrays.fill(delays, 2_500); // long enough for all 100 requests to be sent while the first waits
        try (SlowApi api = SlowApi.newBuilder().delays(Delays.ofMillis(delays)).start()) {
            List<CompletableFuture<String>> answers = api.fetchAll(client, 100);
            try (var results = AsCompleted.ofFutures(answers)) {
                for (Completion<String> done : results) {
                    assertEquals("{\"item\":" + done.index() + ",\"source\":\"item " + done.index()
                            + "\",\"delayMs\":2500}", done.value());
                }
            }
            assertEquals(100, api.answered());
            assertEquals(100, api.peakInFlight(), "no request queued behind another");
            assertEquals(0, api.inFlight());
        }
    }

    @Test
    void answersInTheOrderOfTheirDelays() throws Exception {
        // 250 ms apart: far more than the time it takes to send the next request, once the JVM is warm.
        Delays delays = Delays.ofMillis(1_250, 500, 1_750, 750, 1_500, 1_000);
        try (SlowApi api = SlowApi.newBuilder().delays(delays).start()) {
            api.warmUp(client);
            List<Integer> order = new ArrayList<>();
            try (var results = AsCompleted.ofFutures(api.fetchAll(client, 6))) {
                results.forEach(done -> order.add(done.index()));
            }
            assertEquals(delays.finishingOrder(6), order);
        }
    }

    @Test
    void failsTheItemsItWasToldTo() throws Exception {
        try (SlowApi api = SlowApi.newBuilder().delays(Delays.ofMillis(10, 20, 30, 40)).failing(1, 3).start()) {
            List<Integer> failed = new ArrayList<>();
            try (var results = AsCompleted.ofFutures(api.fetchAll(client, 4))) {
                for (Completion<String> done : results) {
                    if (done.outcome() instanceof Outcome.Failure<String> f) {
                        HttpStatusException e = assertInstanceOf(HttpStatusException.class, f.exception());
                        assertEquals(500, e.statusCode());
                        assertEquals(api.uri(done.index()), e.uri());
                        assertTrue(e.body().contains("\"item\":" + done.index()), e.body());
                        failed.add(done.index());
                    }
                }
            }
            Collections.sort(failed);
            assertEquals(List.of(1, 3), failed);
        }
    }

    @Test
    void hangsUntilClosedAndThenDropsTheRequest() throws Exception {
        SlowApi api = SlowApi.newBuilder().delays(Delays.ofMillis(10, 300)).hanging(0).start();
        CompletableFuture<String> hanging = api.fetch(client, 0);
        assertEquals("{\"item\":1,\"source\":\"item 1\",\"delayMs\":300}", api.fetch(client, 1).get());
        assertFalse(hanging.isDone(), "item 0 is still hanging after a slower item answered");
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (api.inFlight() != 1 && System.nanoTime() < giveUp) {
            Thread.sleep(10); // item 0's request is surely in by now; this only guards against a very busy machine
        }
        assertEquals(1, api.inFlight(), "the hanging request is held open at the server");
        api.close();
        var error = assertThrows(ExecutionException.class, () -> hanging.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, error.getCause(), "the connection closed without an answer");
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        try (SlowApi api = SlowApi.start(Delays.ofMillis(1))) {
            assertEquals(Duration.ofMillis(1), api.delay(0), "delays are in real time");
            assertEquals(InetAddress.getByName("127.0.0.1"), api.address().getAddress());
            assertEquals("http://127.0.0.1:" + api.port() + "/item/0", api.uri(0).toString());
            assertEquals(200, client.send(api.request(0), HttpResponse.BodyHandlers.ofString()).statusCode());
            Optional<InetAddress> outside = nonLoopbackAddress();
            Assumptions.assumeTrue(outside.isPresent(), "this machine has no other address to try from");
            try (Socket socket = new Socket()) {
                assertThrows(ConnectException.class,
                        () -> socket.connect(new InetSocketAddress(outside.get(), api.port()), 2_000),
                        "the server is reachable on " + outside.get());
            }
        }
    }

    @Test
    void freesItsPortOnClose() throws Exception {
        int port;
        try (SlowApi api = SlowApi.start(Delays.ofMillis(1), 1.0)) {
            port = api.port();
            assertEquals(200, client.send(api.request(0), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        try (SlowApi again = SlowApi.newBuilder().delays(Delays.ofMillis(1)).port(port).start()) {
            assertEquals(port, again.port());
            assertEquals(200, client.send(again.request(0), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void badRequestsGetClearAnswers() throws Exception {
        try (SlowApi api = SlowApi.start(Delays.ofMillis(5, 5), 1.0)) {
            assertEquals(404, status(api, "/item/2"), "beyond the fixed delays");
            assertEquals(404, status(api, "/elsewhere"));
            assertEquals(400, status(api, "/item/abc"));
            assertEquals(400, status(api, "/item/-1"));
            assertEquals(200, status(api, "/ping"));
            assertTrue(api.warmUp(client).toNanos() > 0);
        }
        assertThrows(IllegalArgumentException.class, () -> SlowApi.newBuilder().failing(-1));
        assertThrows(IllegalArgumentException.class, () -> SlowApi.newBuilder().timeScale(0));
        assertThrows(IllegalArgumentException.class, () -> SlowApi.newBuilder().port(70_000));
    }

    private static int status(SlowApi api, String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(api.baseUri().resolve(path)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
