package dev.frontdesk.server.egain;

import dev.frontdesk.server.http.Requests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578 over RFC 2046) read from bytes already bounded by the
 * body reader: at most {@value #MAX_PARTS} parts of at most {@value #MAX_PART_HEADERS} header lines
 * ({@value #MAX_HEADER_BYTES} bytes); every part needs a {@code Content-Disposition: form-data} with a
 * name; values must be UTF-8. A missing close delimiter (truncated body) is malformed. Preamble and
 * epilogue are ignored. Part headers and values are never interpreted beyond this.
 */
final class MultipartForm {
    static final int MAX_PARTS = 16;
    static final int MAX_PART_HEADERS = 8;
    static final int MAX_HEADER_BYTES = 2048;

    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    private MultipartForm() {
    }

    /** Field name to its values, in order. */
    static Map<String, List<String>> parse(byte[] body, String boundary) {
        if (boundary == null || !BOUNDARY.matcher(boundary).matches()) {
            throw malformed();
        }
        byte[] dashBoundary = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int pos;
        if (startsWith(body, 0, dashBoundary)) {
            pos = dashBoundary.length;
        } else {
            int first = indexOf(body, delimiter, 0);
            if (first < 0) {
                throw malformed();
            }
            pos = first + delimiter.length;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int parts = 0;
        while (true) {
            if (startsWith(body, pos, new byte[] {'-', '-'})) {
                return fields;
            }
            while (pos < body.length && (body[pos] == ' ' || body[pos] == '\t')) {
                pos++;
            }
            if (!startsWith(body, pos, CRLF)) {
                throw malformed();
            }
            pos += 2;
            if (++parts > MAX_PARTS) {
                throw malformed();
            }
            int headersEnd;
            int contentStart;
            if (startsWith(body, pos, CRLF)) {
                headersEnd = pos;
                contentStart = pos + 2;
            } else {
                headersEnd = indexOf(body, HEADERS_END, pos);
                if (headersEnd < 0 || headersEnd - pos > MAX_HEADER_BYTES) {
                    throw malformed();
                }
                contentStart = headersEnd + 4;
            }
            String name = fieldName(utf8(body, pos, headersEnd));
            int next = indexOf(body, delimiter, contentStart);
            if (next < 0) {
                throw malformed();
            }
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(utf8(body, contentStart, next));
            pos = next + delimiter.length;
        }
    }

    /** The {@code name} parameter of the part's {@code Content-Disposition: form-data}. */
    private static String fieldName(String headerBlock) {
        String[] lines = headerBlock.isEmpty() ? new String[0] : headerBlock.split("\r\n", -1);
        if (lines.length > MAX_PART_HEADERS) {
            throw malformed();
        }
        String name = null;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed();
            }
            if (line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
                if (name != null) {
                    throw malformed();
                }
                name = dispositionName(line.substring(colon + 1));
            }
        }
        if (name == null) {
            throw malformed();
        }
        return name;
    }

    private static String dispositionName(String value) {
        int semicolon = value.indexOf(';');
        String type = (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
        if (!type.equalsIgnoreCase("form-data")) {
            throw malformed();
        }
        int i = semicolon < 0 ? value.length() : semicolon + 1;
        String name = null;
        while (i < value.length()) {
            int eq = value.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String parameter = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            StringBuilder parsed = new StringBuilder();
            int j = eq + 1;
            while (j < value.length() && value.charAt(j) == ' ') {
                j++;
            }
            if (j < value.length() && value.charAt(j) == '"') {
                j++;
                boolean closed = false;
                while (j < value.length()) {
                    char c = value.charAt(j++);
                    if (c == '\\' && j < value.length()) {
                        parsed.append(value.charAt(j++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        parsed.append(c);
                    }
                }
                if (!closed) {
                    throw malformed();
                }
                int end = value.indexOf(';', j);
                j = end < 0 ? value.length() : end + 1;
            } else {
                int end = value.indexOf(';', j);
                parsed.append(value, j, end < 0 ? value.length() : end);
                j = end < 0 ? value.length() : end + 1;
            }
            if (parameter.equals("name")) {
                name = parsed.toString().trim();
            }
            i = j;
        }
        if (name == null || name.isEmpty()) {
            throw malformed();
        }
        return name;
    }

    private static String utf8(byte[] bytes, int from, int to) {
        return Requests.strictUtf8(bytes, from, to).orElseThrow(() -> EgainError.badRequest("request.notUtf8"));
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] target, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - target.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (data[i + j] != target[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static EgainError malformed() {
        return EgainError.badRequest("request.multipartMalformed");
    }
}
