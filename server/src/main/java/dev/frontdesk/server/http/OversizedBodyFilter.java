package dev.frontdesk.server.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Makes a 413 reach the client. A server that answers while the client is still sending, then closes,
 * leaves unread bytes behind; the kernel then resets the connection and the client often sees the reset
 * instead of the answer. So a body declared over the limit, but not over {@link #DRAIN_LIMIT_BYTES}, is
 * read and discarded here, before the dialect answers 413 in its own shape, and the connection stays
 * usable. (A client sending {@code Expect: 100-continue} is told to continue and uploads its body:
 * correctness over the saved upload.) Larger bodies are refused by the server before routing.
 */
public final class OversizedBodyFilter implements Filter {
    /** Bodies up to this size are drained before the 413; larger ones are refused before routing. */
    public static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;

    private final long maxBodyBytes;
    private final ReadDeadlines deadlines;

    public OversizedBodyFilter(long maxBodyBytes, ReadDeadlines deadlines) {
        this.maxBodyBytes = maxBodyBytes;
        this.deadlines = deadlines;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (request.headers().contentLength().orElse(-1) > maxBodyBytes) {
            ReadDeadlines.Phase phase = deadlines.armBody();
            try (InputStream body = request.content().inputStream()) {
                body.transferTo(OutputStream.nullOutputStream());
            } catch (IOException | RuntimeException e) {
                // the client went away or was too slow; the route still answers
            } finally {
                deadlines.disarm(phase);
            }
        }
        chain.proceed();
    }

    /** The size above which the server itself refuses a declared body, before any route runs. */
    public static long refusalLimit(long maxBodyBytes) {
        return Math.max(maxBodyBytes, DRAIN_LIMIT_BYTES);
    }
}
