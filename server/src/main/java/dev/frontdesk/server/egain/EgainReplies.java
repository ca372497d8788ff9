package dev.frontdesk.server.egain;

import dev.frontdesk.server.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writing eGain answers: error bodies in XML or JSON, and the few success bodies. */
final class EgainReplies {
    static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private EgainReplies() {
    }

    /**
     * {@code <root xmlns="namespace"><message>..</message></root>} or {@code {"message": ".."}}, with
     * {@code Content-Language} naming the language of the message.
     */
    static void error(ServerResponse res, Exchange exchange, EgainError error, String root) {
        String message = EgainMessages.text(exchange.language(), error.key(), error.args());
        error.headers().forEach(res::header);
        res.header(HeaderNames.CONTENT_LANGUAGE, exchange.language().code());
        send(res, error.status(), exchange.format(), errorBody(exchange, root, message));
    }

    static String errorBody(Exchange exchange, String root, String message) {
        return exchange.format() == WireFormat.XML
                ? xmlError(root, exchange.api().namespace(), message)
                : Json.write(Map.of("message", message));
    }

    static String xmlError(String root, String namespace, String message) {
        return XML_DECLARATION + "<" + root + " xmlns=\"" + namespace + "\">\n\t<message>" + escape(message)
                + "</message>\n</" + root + ">";
    }

    static void send(ServerResponse res, int status, WireFormat format, String body) {
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, format.mediaType());
        res.send(body.getBytes(StandardCharsets.UTF_8));
    }

    /** XML text content: markup characters escaped, characters XML 1.0 cannot carry replaced by U+FFFD. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD);
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else {
                        out.append(allowed ? c : '\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }
}
