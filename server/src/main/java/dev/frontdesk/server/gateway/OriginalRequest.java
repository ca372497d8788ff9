package dev.frontdesk.server.gateway;

import dev.frontdesk.server.http.Requests;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The request the proxy is asking about: its method and its path as the upstream will route it.
 * nginx sends {@code X-Original-Method} / {@code X-Original-URI}, Traefik {@code X-Forwarded-Method} /
 * {@code X-Forwarded-Uri}, Envoy's ext_authz HTTP service keeps the method and appends the original
 * path to ours ({@code /auth/verify/ws/...}).
 *
 * <p>The path is normalized before rules see it, the way the servers behind the proxy read it, so a
 * rule cannot be walked around by spelling: the query is dropped, each segment loses its
 * {@code ;parameters} (Tomcat and Jetty ignore them when routing), percent-escapes are decoded, empty
 * and {@code .} segments vanish and {@code ..} removes its parent. Spellings that servers disagree
 * on are refused instead of guessed: an escaped {@code /}, {@code \}, {@code %} or control character,
 * a raw backslash, invalid UTF-8, {@code ..} above the root, a path not starting with {@code /}.
 * The usual path needs none of this and is checked in one pass, without copying.
 */
record OriginalRequest(String method, String path) {
    static final int MAX_PATH = 8192;

    /** The original request, or empty when its path is one of the refused spellings. */
    static Optional<OriginalRequest> of(ServerRequest request, String prefix) {
        String method = Requests.header(request, "X-Original-Method")
                .or(() -> Requests.header(request, "X-Forwarded-Method"))
                .map(String::trim).orElse(request.prologue().method().text());
        Optional<String> uri = Requests.header(request, "X-Original-URI")
                .or(() -> Requests.header(request, "X-Forwarded-Uri"));
        String raw;
        if (uri.isPresent()) {
            raw = uri.get().trim();
        } else {
            String own = request.path().rawPath();
            raw = own.length() > prefix.length() ? own.substring(prefix.length()) : "/";
        }
        return normalize(raw).map(path -> new OriginalRequest(method, path));
    }

    static Optional<String> normalize(String raw) {
        int end = raw.length();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        if (end == 0 || end > MAX_PATH || raw.charAt(0) != '/') {
            return Optional.empty();
        }
        String path = end == raw.length() ? raw : raw.substring(0, end);
        return isPlain(path) ? Optional.of(path) : rewrite(path);
    }

    /** Nothing to decode or resolve: no escapes, parameters, backslashes, control characters, empty or dot segments. */
    private static boolean isPlain(String path) {
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' || c == ';' || c == '\\' || c < 0x20 || c == 0x7f
                    || previous == '/' && (c == '/' || c == '.')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static Optional<String> rewrite(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String rawSegment : path.substring(1).split("/", -1)) {
            int semicolon = rawSegment.indexOf(';');
            Optional<String> decoded = decode(semicolon < 0 ? rawSegment : rawSegment.substring(0, semicolon));
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            String segment = decoded.get();
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.pollLast() == null) {
                    return Optional.empty();
                }
                continue;
            }
            segments.addLast(segment);
        }
        return Optional.of("/" + String.join("/", segments));
    }

    private static Optional<String> decode(String segment) {
        if (segment.indexOf('\\') >= 0 || segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        if (segment.indexOf('%') < 0) {
            return Optional.of(segment);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                int next = segment.indexOf('%', i);
                int to = next < 0 ? segment.length() : next;
                bytes.writeBytes(segment.substring(i, to).getBytes(StandardCharsets.UTF_8));
                i = to - 1;
                continue;
            }
            if (i + 2 >= segment.length()) {
                return Optional.empty();
            }
            int hi = Character.digit(segment.charAt(i + 1), 16);
            int lo = Character.digit(segment.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                return Optional.empty();
            }
            int b = hi * 16 + lo;
            if (b == '/' || b == '\\' || b == '%' || b < 0x20 || b == 0x7f) {
                return Optional.empty();
            }
            bytes.write(b);
            i += 2;
        }
        byte[] decoded = bytes.toByteArray();
        return Requests.strictUtf8(decoded, 0, decoded.length);
    }
}
