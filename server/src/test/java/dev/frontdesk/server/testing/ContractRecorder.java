package dev.frontdesk.server.testing;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Collects the real (request, response) pairs that the black-box suites exchange through {@link Http}, while
 * a suite annotated with {@link OpenApiContract} runs. Off, it costs one volatile read per request. The
 * request body is read back from the request's own body publisher (the JDK's string and byte-array
 * publishers replay their bytes to every subscriber), so no test has to pass it twice.
 */
public final class ContractRecorder {
    /** One exchange as it went over the wire. */
    public record Exchange(String method, String uri, java.util.Map<String, List<String>> requestHeaders,
            byte[] requestBody, int status, java.util.Map<String, List<String>> responseHeaders, String responseBody) {
    }

    private static final List<Exchange> EXCHANGES = new ArrayList<>();
    private static volatile boolean recording;

    private ContractRecorder() {
    }

    static synchronized void start() {
        EXCHANGES.clear();
        recording = true;
    }

    /** Stops recording and hands over what was recorded. */
    static synchronized List<Exchange> stop() {
        recording = false;
        List<Exchange> recorded = List.copyOf(EXCHANGES);
        EXCHANGES.clear();
        return recorded;
    }

    static void record(HttpRequest request, HttpResponse<String> response) {
        if (!recording) {
            return;
        }
        Exchange exchange = new Exchange(request.method(), request.uri().toString(), request.headers().map(),
                request.bodyPublisher().map(ContractRecorder::bytes).orElse(new byte[0]), response.statusCode(),
                response.headers().map(), response.body());
        synchronized (ContractRecorder.class) {
            if (recording) {
                EXCHANGES.add(exchange);
            }
        }
    }

    private static byte[] bytes(HttpRequest.BodyPublisher publisher) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
        return out.toByteArray();
    }
}
