package dev.frontdesk.server.http;

/**
 * Request data on its way into a log line: control characters (CR, LF, ESC, ...) are escaped, so a
 * value can never start a line of its own or forge another entry; long values are cut.
 */
public final class LogSafe {
    private static final int MAX = 512;

    private LogSafe() {
    }

    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 8);
        for (int i = 0; i < value.length() && out.length() < MAX; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\x%02x", (int) c & 0xff));
            } else {
                out.append(c);
            }
        }
        return value.length() > MAX ? out.append("...").toString() : out.toString();
    }
}
