package arrivals.http;

import java.io.IOException;
import java.net.URI;

/**
 * An HTTP answer other than 200 OK, as a failure: what {@link SlowApi#fetch} completes with for an item the
 * server was told to fail.
 *
 * <pre>{@code
 * try (var results = AsCompleted.ofFutures(api.fetchAll(client, 10))) {
 *     for (var done : results) {
 *         if (done.outcome() instanceof Outcome.Failure<String> f
 *                 && f.exception() instanceof HttpStatusException e) {
 *             System.out.println(e.uri() + " answered " + e.statusCode());
 *         }
 *     }
 * }
 * }</pre>
 */
public final class HttpStatusException extends IOException {
    private final URI uri;
    private final int statusCode;
    private final String body;

    /** An answer {@code statusCode} with {@code body} to a request for {@code uri}. */
    public HttpStatusException(URI uri, int statusCode, String body) {
        super("GET " + uri + " answered HTTP " + statusCode + (body == null || body.isEmpty() ? "" : ": " + body));
        this.uri = uri;
        this.statusCode = statusCode;
        this.body = body;
    }

    /** The address that was requested. */
    public URI uri() {
        return uri;
    }

    /** The HTTP status code, such as 500. */
    public int statusCode() {
        return statusCode;
    }

    /** The body of the answer, possibly empty. */
    public String body() {
        return body;
    }
}
