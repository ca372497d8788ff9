package dev.frontdesk.server.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Identity values as header text: printable ASCII passes unchanged (the usual case: no copy), anything
 * else, and {@code %} and {@code ,}, becomes {@code %XX} of its UTF-8 bytes, so an upstream reads
 * {@code URLDecoder}-style percent-encoding and a list splits on commas.
 */
final class HeaderValues {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HeaderValues() {
    }

    static String encode(String value) {
        if (value == null) {
            return "";
        }
        for (int i = 0; i < value.length(); i++) {
            if (escaped(value.charAt(i))) {
                return escape(value);
            }
        }
        return value;
    }

    static String list(List<String> values) {
        if (values.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String v : values) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(encode(v));
        }
        return out.toString();
    }

    private static boolean escaped(char c) {
        return c < 0x20 || c > 0x7e || c == '%' || c == ',';
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (escaped(c)) {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
