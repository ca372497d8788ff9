package dev.frontdesk.core.admin;

import java.time.Instant;

/** An administrator's WebAuthn credential: public key material only. */
public record Passkey(String credentialId, String username, String material, long signCount, Instant createdAt) {
}
