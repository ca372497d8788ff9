package dev.frontdesk.server.http;

/**
 * Client-supplied text made safe for one log line. Every character that could end a line or move the
 * cursor (C0 and C1 controls, DEL, the Unicode line and paragraph separators, bidirectional controls)
 * is written as a {@code \xNN} or {@code \\uNNNN} escape, and a backslash as {@code \\}, so a value can
 * never start a forged line nor look like an escape it is not; long values are cut with an ellipsis.
 * The log pattern replaces control characters in every message as a second line of defence.
 */
public final class LogText {
    private static final int MAX_LENGTH = 200;

    private LogText() {
    }

    public static String of(String value) {
        if (value == null) {
            return "-";
        }
        int limit = Math.min(value.length(), MAX_LENGTH);
        StringBuilder out = null;
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(limit + 16).append(value, 0, i);
            }
            if (out != null) {
                out.append(escape != null ? escape : String.valueOf(c));
            }
        }
        String safe = out == null ? value.substring(0, limit) : out.toString();
        return value.length() > MAX_LENGTH ? safe + "..." : safe;
    }

    private static String escape(char c) {
        if (c == '\\') {
            return "\\\\";
        }
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
            return String.format("\\x%02x", (int) c);
        }
        if (c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\u061c') {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
