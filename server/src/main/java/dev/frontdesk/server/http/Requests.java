package dev.frontdesk.server.http;

import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.Tenants;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.RequestException;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading what every dialect needs from a request: tenant, client address, bounded body, credentials. */
public final class Requests {
    public static final int MAX_HEADER_VALUE = 8192;
    public static final int MAX_FORM_FIELDS = 64;

    private final Tenants tenants;
    private final ClientAddresses addresses;
    private final SessionCookies cookies;
    private final long maxBodyBytes;
    private final ReadDeadlines deadlines;

    public Requests(Tenants tenants, ClientAddresses addresses, SessionCookies cookies, long maxBodyBytes,
                    ReadDeadlines deadlines) {
        this.tenants = tenants;
        this.addresses = addresses;
        this.cookies = cookies;
        this.maxBodyBytes = maxBodyBytes;
        this.deadlines = java.util.Objects.requireNonNull(deadlines, "deadlines");
    }

    public ReadDeadlines deadlines() {
        return deadlines;
    }

    /** The tenant claiming the request's host, else {@code default}. */
    public Tenant tenant(ServerRequest request) {
        return tenants.forHost(request.authority());
    }

    public RequestContext context(ServerRequest request, String channel) {
        return new RequestContext(channel, addresses.of(request), header(request, HeaderNames.USER_AGENT).orElse(""),
                null, cookies.device(request));
    }

    /**
     * This server's origin and host as the browser sees them (WebAuthn's origin and relying party ID):
     * the scheme by {@link ClientAddresses#viaTls}, the host from the request's authority.
     */
    public dev.frontdesk.core.admin.PasskeyVerifier.RelyingParty relyingParty(ServerRequest request) {
        String authority = request.authority() == null ? "" : request.authority().trim();
        String host = authority.startsWith("[") ? authority.substring(0, authority.indexOf(']') + 1)
                : (authority.contains(":") ? authority.substring(0, authority.indexOf(':')) : authority);
        return new dev.frontdesk.core.admin.PasskeyVerifier.RelyingParty(
                (addresses.viaTls(request) ? "https://" : "http://") + authority, host);
    }

    /** The one "is this TLS" rule (our own TLS, or a trusted proxy's {@code X-Forwarded-Proto}). */
    public boolean viaTls(ServerRequest request) {
        return addresses.viaTls(request);
    }

    public String clientIp(ServerRequest request) {
        return addresses.of(request);
    }

    /**
     * The whole body, at most the configured limit (413 beyond it); empty when there is none. The body
     * must arrive within the body read timeout ({@link ReadDeadlines}); past it the connection is closed
     * and this throws {@link CloseConnectionException}, which every door lets through. Broken chunked framing (a chunk size that is not hex, chunk extensions, a
     * bare LF, a missing CRLF) is a 400: the web server's own exception for it would otherwise surface
     * as a 500 with a stack trace, its message quoting the client's bytes.
     */
    public byte[] body(ServerRequest request) {
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > maxBodyBytes) {
            throw BadRequest.tooLarge(maxBodyBytes);
        }
        ReadDeadlines.Phase phase = deadlines.armBody();
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes((int) maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                discardRest(in);
                throw BadRequest.tooLarge(maxBodyBytes);
            }
            return bytes;
        } catch (BadRequest e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (phase.fired()) {
                // the connection is closed already: nothing to answer, and nothing worth a log line
                throw new CloseConnectionException("request body not received in time");
            }
            if (e instanceof RequestException r && r.status().code() == 413) {
                throw BadRequest.tooLarge(maxBodyBytes);
            }
            throw BadRequest.malformedBody();
        } finally {
            deadlines.disarm(phase);
        }
    }

    /**
     * Reads what the route left of the body, within the body read timeout, so that a slow or broken
     * body cannot hold the connection after the answer; false when that failed (close the connection).
     */
    public boolean drain(ServerRequest request) {
        ReadDeadlines.Phase phase = deadlines.armBody();
        try {
            request.content().consume();
            return true;
        } catch (RuntimeException e) {
            return false;
        } finally {
            deadlines.disarm(phase);
        }
    }

    /**
     * Reads and discards what is left of a body that is over the limit, so the 413 sent next is not lost
     * to a connection reset (see {@link OversizedBodyFilter}). Past the server's own refusal limit the
     * read fails; the server then closes the connection after the answer, which is all it can do.
     */
    private static void discardRest(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // beyond the refusal limit, or the client went away: the answer is still sent
        }
    }

    public static Optional<String> header(ServerRequest request, HeaderName name) {
        Optional<String> value = request.headers().first(name);
        if (value.isPresent() && value.get().length() > MAX_HEADER_VALUE) {
            throw new BadRequest(431, "header " + name.defaultCase() + " is too long", null);
        }
        return value;
    }

    public static Optional<String> header(ServerRequest request, String name) {
        return header(request, HeaderNames.create(name));
    }

    public static Optional<String> bearerToken(ServerRequest request) {
        return header(request, HeaderNames.AUTHORIZATION)
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> v.substring(7).trim())
                .filter(v -> !v.isEmpty());
    }

    public static Optional<BasicCredentials> basic(ServerRequest request) {
        return header(request, HeaderNames.AUTHORIZATION).flatMap(BasicCredentials::parse);
    }

    public static Optional<String> cookie(ServerRequest request, String name) {
        try {
            return request.headers().cookies().first(name).asOptional().filter(v -> v.length() <= 256);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Lower-case {@code type/subtype} of the request's Content-Type, or "" when absent. */
    public static String mediaType(ServerRequest request) {
        try {
            return request.headers().contentType().map(HttpMediaType::mediaType)
                    .map(m -> m.text().toLowerCase(Locale.ROOT)).orElse("");
        } catch (RuntimeException e) {
            throw BadRequest.unsupportedMediaType("(malformed)");
        }
    }

    /** Strict UTF-8: invalid byte sequences are a client error, not replacement characters. */
    public static String utf8(byte[] bytes) {
        return strictUtf8(bytes, 0, bytes.length)
                .orElseThrow(() -> new BadRequest("request body is not valid UTF-8", null));
    }

    /** {@code bytes[from, to)} as UTF-8, or empty when they are not valid UTF-8 (each dialect words that error). */
    public static Optional<String> strictUtf8(byte[] bytes, int from, int to) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** An {@code application/x-www-form-urlencoded} body; keys keep their case (callers match as they like). */
    public static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = utf8(body);
        if (text.isBlank()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (fields.size() >= MAX_FORM_FIELDS) {
                throw new BadRequest("too many form fields", null);
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.putIfAbsent(key, value);
        }
        return fields;
    }

    private static String decode(String part) {
        try {
            String decoded = URLDecoder.decode(part, StandardCharsets.UTF_8);
            if (decoded.indexOf('\uFFFD') >= 0 && part.indexOf('\uFFFD') < 0) {
                throw new BadRequest("form field is not valid UTF-8", null);
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new BadRequest("malformed form encoding", null);
        }
    }
}
