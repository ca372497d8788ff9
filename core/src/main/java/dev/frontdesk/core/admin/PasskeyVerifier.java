package dev.frontdesk.core.admin;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Port: WebAuthn ceremony verification (attestation and assertion), done by a maintained library in
 * an adapter. Values cross as bytes; {@code material} is the adapter's own encoding of the public key.
 */
public interface PasskeyVerifier {
    /** Who the browser must have talked to: the page's origin and the relying party ID (its host). */
    record RelyingParty(String origin, String rpId) {
    }

    /** A verified new credential: its ID and public key (both base64url) and signature counter. */
    record Registered(String credentialId, String material, long signCount) {
    }

    Optional<Registered> verifyRegistration(byte[] clientDataJson, byte[] attestationObject, byte[] challenge,
                                            RelyingParty rp);

    /** The authenticator's new signature counter when the assertion verifies; empty otherwise. */
    OptionalLong verifyAssertion(byte[] credentialId, byte[] clientDataJson, byte[] authenticatorData,
                                 byte[] signature, byte[] userHandle, String material, long signCount,
                                 byte[] challenge, RelyingParty rp);
}
