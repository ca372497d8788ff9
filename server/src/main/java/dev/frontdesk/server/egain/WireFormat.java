package dev.frontdesk.server.egain;

import java.util.List;
import java.util.Locale;

/**
 * XML or JSON for an answer's body: what {@code Accept} prefers (highest q, ties in order sent),
 * else the request's own Content-Type, else XML. An {@code Accept} naming neither (e.g. {@code *}/{@code *}
 * or {@code text/html}) expresses no preference; eGain reserves 406 for {@code Accept-Language}.
 */
enum WireFormat {
    XML("application/xml"), JSON("application/json");

    private final String mediaType;

    WireFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    static WireFormat choose(List<String> acceptHeaders, String requestMediaType) {
        WireFormat preferred = null;
        double best = 0;
        int seen = 0;
        for (String header : acceptHeaders) {
            for (String range : header.split(",")) {
                if (++seen > 64) {
                    break;
                }
                String[] pieces = range.split(";");
                WireFormat format = of(pieces[0].trim());
                if (format == null) {
                    continue;
                }
                double q = 1.0;
                for (int i = 1; i < pieces.length; i++) {
                    String parameter = pieces[i].trim();
                    if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                        q = quality(parameter.substring(2).trim());
                    }
                }
                if (q > best) {
                    best = q;
                    preferred = format;
                }
            }
        }
        if (preferred != null) {
            return preferred;
        }
        WireFormat fromRequest = of(requestMediaType);
        return fromRequest == null ? XML : fromRequest;
    }

    /** XML for {@code application/xml}, {@code text/xml}, {@code *+xml}; JSON likewise; else null. */
    static WireFormat of(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        String type = mediaType.trim().toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"))) {
            return JSON;
        }
        if (type.equals("application/xml") || type.equals("text/xml")
                || (type.startsWith("application/") && type.endsWith("+xml"))) {
            return XML;
        }
        return null;
    }

    private static double quality(String text) {
        return text.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?") ? Double.parseDouble(text) : 0;
    }
}
