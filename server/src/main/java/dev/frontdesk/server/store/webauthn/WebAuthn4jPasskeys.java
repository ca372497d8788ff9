package dev.frontdesk.server.store.webauthn;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import dev.frontdesk.core.admin.PasskeyVerifier;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebAuthn verification with webauthn4j. Attestation is not required (the "none" format and
 * self-attestation are accepted: administrators bring their own authenticators, and there is no
 * vendor list to trust); user verification (PIN, biometrics) is required, so a passkey alone is a
 * multi-factor sign-in. The stored material is the attested credential data (AAGUID, credential ID,
 * COSE public key) in its binary form, base64url; the signature counter must grow when the
 * authenticator keeps one (webauthn4j refuses a cloned authenticator's stale counter).
 */
public final class WebAuthn4jPasskeys implements PasskeyVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(WebAuthn4jPasskeys.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager();
    private final AttestedCredentialDataConverter converter = new AttestedCredentialDataConverter(new ObjectConverter());

    @Override
    public Optional<Registered> verifyRegistration(byte[] clientDataJson, byte[] attestationObject, byte[] challenge,
                                                   RelyingParty rp) {
        try {
            RegistrationData data = manager.verify(new RegistrationRequest(attestationObject, clientDataJson),
                    new RegistrationParameters(server(rp, challenge), null, true, true));
            AttestedCredentialData credential = data.getAttestationObject().getAuthenticatorData()
                    .getAttestedCredentialData();
            return Optional.of(new Registered(B64.encodeToString(credential.getCredentialId()),
                    B64.encodeToString(converter.convert(credential)),
                    data.getAttestationObject().getAuthenticatorData().getSignCount()));
        } catch (RuntimeException e) {
            LOG.info("passkey registration refused: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public OptionalLong verifyAssertion(byte[] credentialId, byte[] clientDataJson, byte[] authenticatorData,
                                        byte[] signature, byte[] userHandle, String material, long signCount,
                                        byte[] challenge, RelyingParty rp) {
        try {
            AttestedCredentialData credential = converter.convert(Base64.getUrlDecoder().decode(material));
            CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
                    signCount, credential, null, null, null, null);
            AuthenticationData data = manager.verify(
                    new AuthenticationRequest(credentialId, userHandle, authenticatorData, clientDataJson, signature),
                    new AuthenticationParameters(server(rp, challenge), record, null, true, true));
            return OptionalLong.of(data.getAuthenticatorData().getSignCount());
        } catch (RuntimeException e) {
            LOG.info("passkey assertion refused: {}", e.getClass().getSimpleName());
            return OptionalLong.empty();
        }
    }

    private static ServerProperty server(RelyingParty rp, byte[] challenge) {
        return new ServerProperty(new Origin(rp.origin()), rp.rpId(), new DefaultChallenge(challenge));
    }
}
