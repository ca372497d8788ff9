package dev.frontdesk.core.gateway;

import dev.frontdesk.core.support.Validation;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule's path prefix, matched segment by segment against a normalized path (no query, no dot
 * segments, no empty segments). A literal segment matches itself exactly (case-sensitive); {@code *}
 * matches exactly one segment; {@code **} matches any number of segments, none included. The pattern
 * is a prefix: once its segments are used up, whatever follows matches, so {@code /f/webapp-api-admin}
 * covers {@code /f/webapp-api-admin} and {@code /f/webapp-api-admin/users}, but not
 * {@code /f/webapp-api-admin2} (segments are compared whole).
 *
 * <p>Matching walks the path string in place, without splitting it: it runs on every request behind
 * the proxy. Backtracking happens only at {@code **}, bounded by the number of {@code **} (at most
 * {@link #MAX_WILDCARDS}) times the path's segments.
 */
public final class PathPattern {
    public static final int MAX_LENGTH = 1024;
    static final int MAX_WILDCARDS = 4;

    private static final String ONE = "*";
    private static final String ANY = "**";

    private final String text;
    private final String[] segments;

    private PathPattern(String text, String[] segments) {
        this.text = text;
        this.segments = segments;
    }

    public static PathPattern parse(String text) {
        Validation.requireText(text, "pathPrefix");
        Validation.require(text.length() <= MAX_LENGTH, "pathPrefix", "pathPrefix is too long");
        Validation.require(text.startsWith("/"), "pathPrefix", "pathPrefix must start with /");
        List<String> parts = new ArrayList<>();
        int wildcards = 0;
        for (String part : text.substring(1).split("/", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            Validation.require(part.equals(ONE) || part.equals(ANY) || part.indexOf('*') < 0, "pathPrefix",
                    "a * must be a whole segment: * (one segment) or ** (any number)");
            Validation.require(!part.equals(".") && !part.equals(".."), "pathPrefix",
                    "pathPrefix must not contain . or .. segments");
            Validation.require(part.chars().noneMatch(c -> c < 0x21 || c == 0x7f || c == '?' || c == '#'),
                    "pathPrefix", "pathPrefix must not contain spaces, control characters, ? or #");
            if (part.equals(ANY)) {
                wildcards++;
            }
            parts.add(part);
        }
        Validation.require(wildcards <= MAX_WILDCARDS, "pathPrefix", "pathPrefix has too many **");
        return new PathPattern(text, parts.toArray(String[]::new));
    }

    /** Whether a normalized path ({@code /a/b}, see class comment) starts with segments this pattern matches. */
    public boolean matches(String path) {
        return matches(path, 0, 0);
    }

    private boolean matches(String path, int from, int segment) {
        int at = from;
        for (int i = segment; i < segments.length; i++) {
            String expected = segments[i];
            if (expected.equals(ANY)) {
                if (i == segments.length - 1) {
                    return true;
                }
                int next = at;
                while (true) {
                    if (matches(path, next, i + 1)) {
                        return true;
                    }
                    int start = segmentStart(path, next);
                    if (start < 0) {
                        return false;
                    }
                    next = segmentEnd(path, start);
                }
            }
            int start = segmentStart(path, at);
            if (start < 0) {
                return false;
            }
            int end = segmentEnd(path, start);
            if (!expected.equals(ONE)
                    && (end - start != expected.length() || !path.regionMatches(start, expected, 0, expected.length()))) {
                return false;
            }
            at = end;
        }
        return true;
    }

    /** The index after the '/' opening the next segment at or after {@code at}, or -1 when none is left. */
    private static int segmentStart(String path, int at) {
        int i = at;
        while (i < path.length() && path.charAt(i) == '/') {
            i++;
        }
        return i < path.length() ? i : -1;
    }

    private static int segmentEnd(String path, int start) {
        int slash = path.indexOf('/', start);
        return slash < 0 ? path.length() : slash;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathPattern p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
