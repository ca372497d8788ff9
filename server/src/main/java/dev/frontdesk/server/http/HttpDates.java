package dev.frontdesk.server.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * RFC 9110 IMF-fixdate ({@code Tue, 01 Dec 2026 19:44:40 GMT}): two-digit day, always GMT. The JDK's
 * {@code RFC_1123_DATE_TIME} writes one-digit days, which strict parsers refuse.
 */
public final class HttpDates {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
