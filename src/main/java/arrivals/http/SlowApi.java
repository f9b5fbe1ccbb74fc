package arrivals.http;

import arrivals.simulate.Delays;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real, slow HTTP API on this machine, for fetching many items over the network without leaving it.
 * {@code GET /item/{i}} answers a small JSON body after item {@code i}'s delay.
 *
 * <pre>{@code
 * try (SlowApi api = SlowApi.start(Delays.uniformMillis(100, 500, 42))) {   // 100-500 ms per item
 *     HttpClient client = HttpClient.newHttpClient();
 *     api.warmUp(client);                                  // so the first run's timings aren't cold-start ones
 *     var options = Options.defaults().onProgress(TextProgress.lines());
 *     try (var results = AsCompleted.ofFutures(api.fetchAll(client, 100), options)) {
 *         for (var done : results) System.out.println("item " + done.index() + ": " + done.value());
 *     }
 * }
 * }</pre>
 *
 * <p>The server listens on 127.0.0.1 only, on a free port chosen by the system unless
 * {@link Builder#port} says otherwise, and answers each request on its own virtual thread, so a hundred
 * concurrent requests wait their delays side by side instead of queueing. A successful answer is
 * {@code 200} with {@code {"item":3,"source":"item 3","delayMs":235}}. The server can be told to fail items
 * ({@code 500} after their delay, with {@code {"item":3,"error":"..."}}) or to hang on them (no answer until
 * the server closes; the client then sees the connection close). Requests for a path other than
 * {@code /item/{i}} (or {@code /ping}, which answers at once) get {@code 404}, a non-number or negative {@code i} gets {@code 400}, other methods than
 * GET get {@code 405}. {@link #close()} stops listening, frees the port, and ends every pending request.
 */
public final class SlowApi implements AutoCloseable {
    private static final String PREFIX = "/item/";
    private static final String PING = "/ping";
    private static final int WARM_UP_REQUESTS = 32;

    private final Delays delays;
    private final double timeScale;
    private final Set<Integer> failing;
    private final Set<Integer> hanging;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicLong answered = new AtomicLong();

    private SlowApi(Builder builder) {
        this.delays = builder.delays;
        this.timeScale = builder.timeScale;
        this.failing = Set.copyOf(builder.failing);
        this.hanging = Set.copyOf(builder.hanging);
        InetSocketAddress address = new InetSocketAddress(loopback(), builder.port);
        try {
            // A deep backlog: a hundred clients connecting at once must not have their connections refused.
            server = HttpServer.create(address, 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + address.getAddress().getHostAddress() + ":"
                    + builder.port + ": " + e.getMessage(), e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A builder, for failing or hanging items or a fixed port. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Starts a server whose item {@code i} answers after {@code delays.get(i)}, in real time.
     *
     * @throws NullPointerException if {@code delays} is null
     * @throws UncheckedIOException if the server can't listen
     */
    public static SlowApi start(Delays delays) {
        return newBuilder().delays(delays).start();
    }

    /**
     * Starts a server whose item {@code i} answers after {@code delays.get(i) * timeScale}.
     *
     * @throws NullPointerException     if {@code delays} is null
     * @throws IllegalArgumentException if {@code timeScale} is not a finite number greater than zero
     * @throws UncheckedIOException     if the server can't listen
     */
    public static SlowApi start(Delays delays, double timeScale) {
        return newBuilder().delays(delays).timeScale(timeScale).start();
    }

    /** The server's address: 127.0.0.1 and its port. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /**
     * {@code http://127.0.0.1:<port>/item/<item>}.
     *
     * @throws IllegalArgumentException if {@code item} is negative
     */
    public URI uri(int item) {
        if (item < 0) {
            throw new IllegalArgumentException("item must not be negative, was " + item);
        }
        return baseUri().resolve(PREFIX + item);
    }

    /**
     * The addresses of items {@code 0..count-1}.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public List<URI> uris(int count) {
        checkCount(count);
        List<URI> uris = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            uris.add(uri(i));
        }
        return List.copyOf(uris);
    }

    /** A GET request for {@code item}, over HTTP/1.1. */
    public HttpRequest request(int item) {
        return HttpRequest.newBuilder(uri(item)).version(HttpClient.Version.HTTP_1_1).GET().build();
    }

    /**
     * Sends a request for {@code item} with {@code client} and returns the answer's body. The future fails with
     * {@link HttpStatusException} on an answer other than 200, and with an {@link IOException} if the
     * connection breaks. Cancelling the future aborts the request.
     *
     * @throws NullPointerException     if {@code client} is null
     * @throws IllegalArgumentException if {@code item} is negative
     */
    public CompletableFuture<String> fetch(HttpClient client, int item) {
        Objects.requireNonNull(client, "client");
        HttpRequest request = request(item);
        CompletableFuture<HttpResponse<String>> sent = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        CompletableFuture<String> body = sent.thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new CompletionException(new HttpStatusException(request.uri(), response.statusCode(),
                        response.body()));
            }
            return response.body();
        });
        // A cancel of the body stage doesn't reach the exchange by itself: pass it on, so the request is dropped.
        body.whenComplete((value, error) -> {
            if (body.isCancelled()) {
                sent.cancel(true);
            }
        });
        return body;
    }

    /**
     * Requests items {@code 0..count-1}, all at once; position {@code i} of the list is item {@code i}. Pass the
     * list to {@code AsCompleted.ofFutures} to take the answers as they arrive. Each future behaves as one from
     * {@link #fetch}.
     *
     * <p>This returns at once: a background thread sends the requests, in item order, so that a run started
     * right after this call is timed from before the first request went out. (Sending a hundred requests can
     * take a good fraction of a second on a busy machine; timed from after the sending, the first answers would
     * seem to arrive instantly.) Cancelling a future before its request is sent means it is never sent.
     *
     * @throws NullPointerException     if {@code client} is null
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public List<CompletableFuture<String>> fetchAll(HttpClient client, int count) {
        Objects.requireNonNull(client, "client");
        checkCount(count);
        List<CompletableFuture<String>> answers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            answers.add(new CompletableFuture<>());
        }
        Thread.ofVirtual().name("slow-api-sender-" + port()).start(() -> {
            for (int i = 0; i < count; i++) {
                CompletableFuture<String> answer = answers.get(i);
                if (answer.isDone()) {
                    continue; // cancelled before its turn
                }
                CompletableFuture<String> sent;
                try {
                    sent = fetch(client, i);
                } catch (RuntimeException e) { // a closed client, for one
                    answer.completeExceptionally(e);
                    continue;
                }
                sent.whenComplete((value, error) -> {
                    if (error == null) {
                        answer.complete(value);
                    } else {
                        answer.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error);
                    }
                });
                answer.whenComplete((value, error) -> {
                    if (answer.isCancelled()) {
                        sent.cancel(true);
                    }
                });
            }
        });
        return List.copyOf(answers);
    }

    /**
     * Sends a few rounds of concurrent requests to {@code /ping}, which answers at once, and waits for them:
     * the first use of an HTTP client and server in a JVM loads and compiles a lot of code, which would
     * otherwise add most of a second to the first run's timings. Returns how long the warm-up took.
     *
     * @throws NullPointerException if {@code client} is null
     * @throws IOException          if a request fails
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public Duration warmUp(HttpClient client) throws IOException, InterruptedException {
        Objects.requireNonNull(client, "client");
        long begin = System.nanoTime();
        HttpRequest ping = HttpRequest.newBuilder(baseUri().resolve(PING)).version(HttpClient.Version.HTTP_1_1)
                .GET().build();
        for (int round = 0; round < 3; round++) {
            List<CompletableFuture<HttpResponse<Void>>> pings = new ArrayList<>();
            for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                pings.add(client.sendAsync(ping, HttpResponse.BodyHandlers.discarding()));
            }
            for (CompletableFuture<HttpResponse<Void>> sent : pings) {
                try {
                    sent.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /**
     * How long the server waits before answering {@code item}, time scale applied.
     *
     * @throws IndexOutOfBoundsException if {@code item} is negative or has no delay
     */
    public Duration delay(int item) {
        return Duration.ofNanos(Math.round(delays.get(item).toNanos() * timeScale));
    }

    /** Requests being handled right now (waiting their delay, or hanging). */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most requests that were ever being handled at the same moment. */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    /** How many requests got an answer (any status) so far. */
    public long answered() {
        return answered.get();
    }

    /**
     * Stops listening, frees the port, and ends every pending request (hanging and delayed ones are dropped
     * without an answer). Safe to call more than once.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    handlers.awaitTermination(5, TimeUnit.SECONDS);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "SlowApi[" + baseUri() + ", delays " + delays + (timeScale == 1.0 ? "" : ", time scale "
                + BigDecimal.valueOf(timeScale).stripTrailingZeros().toPlainString())
                + (failing.isEmpty() ? "" : ", failing " + new TreeSet<>(failing))
                + (hanging.isEmpty() ? "" : ", hanging " + new TreeSet<>(hanging)) + (closed.get() ? ", closed" : "")
                + "]";
    }

    private void handle(HttpExchange exchange) {
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            Answer answer;
            try {
                answer = decide(exchange);
            } finally {
                // Counted before the answer goes out, so a client that has its answer sees the counters moved.
                inFlight.decrementAndGet();
            }
            if (answer != null) {
                answered.incrementAndGet();
                byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            // The server is closing: drop the request without an answer.
        } catch (IOException e) {
            // The client went away; nothing to answer.
        }
    }

    /** What to answer, after the item's delay; null for no answer at all (a hanging item). */
    private Answer decide(HttpExchange exchange) throws InterruptedException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            return new Answer(405, "{\"error\":\"only GET is served\"}");
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals(PING)) {
            return new Answer(200, "{\"pong\":true}");
        }
        if (!path.startsWith(PREFIX)) {
            return new Answer(404, "{\"error\":\"no such path; try " + PREFIX + "0\"}");
        }
        int item;
        try {
            item = Integer.parseInt(path.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            item = -1;
        }
        if (item < 0) {
            return new Answer(400, "{\"error\":\"the item must be a number >= 0\"}");
        }
        if (item >= delays.size()) {
            return new Answer(404, "{\"item\":" + item + ",\"error\":\"no such item; there are " + delays.size()
                    + "\"}");
        }
        if (hanging.contains(item)) {
            closing.await(); // never answered: the connection closes with the server
            return null;
        }
        Duration delay = delay(item);
        Thread.sleep(delay);
        if (failing.contains(item)) {
            return new Answer(500, "{\"item\":" + item + ",\"error\":\"item " + item + " fails on purpose\"}");
        }
        return new Answer(200, String.format(Locale.ROOT, "{\"item\":%d,\"source\":\"item %d\",\"delayMs\":%d}",
                item, item, Math.round(delay.toNanos() / 1e6)));
    }

    private record Answer(int status, String json) {
    }

    private static InetAddress loopback() {
        try {
            // Spelled out, because getLoopbackAddress() may answer ::1 on a JVM that prefers IPv6.
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError("a literal address needs no lookup", e);
        }
    }

    private static void checkCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
    }

    /**
     * Settings for a {@link SlowApi}; {@link #start()} starts a server with them.
     *
     * <pre>{@code
     * SlowApi api = SlowApi.newBuilder()
     *     .delays(Delays.uniformMillis(100, 500, 42))
     *     .failing(3, 7)       // these answer 500 after their delay
     *     .hanging(9)          // this one never answers
     *     .start();
     * }</pre>
     *
     * <p>Defaults: delays uniform between 1 and 5 seconds with seed 42, time scale 1, no failing or hanging
     * items, a free port chosen by the system.
     */
    public static final class Builder {
        private Delays delays = Delays.uniformSeconds(1, 5, 42);
        private double timeScale = 1.0;
        private final Set<Integer> failing = new TreeSet<>();
        private final Set<Integer> hanging = new TreeSet<>();
        private int port;

        private Builder() {
        }

        /**
         * Item {@code i} waits {@code delays.get(i)}; items beyond fixed delays answer 404.
         *
         * @throws NullPointerException if {@code delays} is null
         */
        public Builder delays(Delays delays) {
            this.delays = Objects.requireNonNull(delays, "delays");
            return this;
        }

        /**
         * Multiplies every delay: with 0.1, a 2 s delay takes 0.2 s.
         *
         * @throws IllegalArgumentException if {@code timeScale} is not a finite number greater than zero
         */
        public Builder timeScale(double timeScale) {
            if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
                throw new IllegalArgumentException("timeScale must be a finite number > 0, was " + timeScale);
            }
            this.timeScale = timeScale;
            return this;
        }

        /**
         * These items answer {@code 500} after their delay.
         *
         * @throws IllegalArgumentException if an item is negative
         */
        public Builder failing(int... items) {
            addItems("failing", items, failing);
            return this;
        }

        /**
         * These items never answer; their requests stay open until the server closes.
         *
         * @throws IllegalArgumentException if an item is negative
         */
        public Builder hanging(int... items) {
            addItems("hanging", items, hanging);
            return this;
        }

        /**
         * Listen on {@code port} instead of a free one; 0 means "any free port".
         *
         * @throws IllegalArgumentException if {@code port} is outside 0..65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws UncheckedIOException if it can't listen (for instance, the port is taken)
         */
        public SlowApi start() {
            return new SlowApi(this);
        }

        private static void addItems(String what, int[] items, Set<Integer> into) {
            Objects.requireNonNull(items, what);
            for (int item : items) {
                if (item < 0) {
                    throw new IllegalArgumentException(what + " items must not be negative, was " + item);
                }
                into.add(item);
            }
        }
    }
}
