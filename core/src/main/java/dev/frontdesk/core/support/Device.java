package dev.frontdesk.core.support;

import java.util.Optional;

/**
 * The browser or app a request comes from, as far as a device token tells: the token it presented
 * (a long-lived cookie set at an earlier successful login), and the token the core issued to it during
 * this request, which the door sets as that cookie. One instance per request; never stored (only the
 * token's hash is).
 */
public final class Device {
    private static final int MAX_TOKEN = 128;

    private final String presented;
    private volatile String issued;

    private Device(String presented) {
        this.presented = presented;
    }

    public static Device none() {
        return new Device(null);
    }

    /** A request that carried {@code token} (blank or oversized values count as none). */
    public static Device presenting(String token) {
        return new Device(token == null || token.isBlank() || token.length() > MAX_TOKEN ? null : token.trim());
    }

    public Optional<String> presented() {
        return Optional.ofNullable(presented);
    }

    public void issue(String token) {
        this.issued = token;
    }

    /** A token issued during this request, to be handed to the client. */
    public Optional<String> issued() {
        return Optional.ofNullable(issued);
    }
}
