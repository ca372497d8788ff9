package dev.frontdesk.server.iservice;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.frontdesk.core.tenant.OpenIdProvider;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies OpenID Connect ID tokens (Nimbus JOSE+JWT) against a tenant's providers: an asymmetric
 * signature by a key from the provider's JWKS (fetched over HTTP, cached, refetched at most every 30
 * seconds for an unknown key ID), the exact issuer, the provider's audience among {@code aud}, and
 * {@code exp}/{@code nbf} against the server clock with 60 seconds of skew. {@code sub}, {@code exp}
 * and {@code iat} are required. HMAC and unsigned tokens are refused outright: a tenant shares no
 * secret with its providers.
 */
final class IdTokenVerifier {
    static final int MAX_TOKEN_LENGTH = 16 * 1024;
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final int HTTP_TIMEOUT_MILLIS = 3000;
    private static final int JWKS_SIZE_LIMIT = 256 * 1024;

    private final Clock clock;
    private final Map<String, JWKSource<SecurityContext>> keySources = new ConcurrentHashMap<>();

    IdTokenVerifier(Clock clock) {
        this.clock = clock;
    }

    /** A verified identity. */
    record Identity(OpenIdProvider provider, String issuer, String subject, String email, boolean emailVerified,
                    String givenName, String familyName) {
    }

    sealed interface Result {
        record Verified(Identity identity) implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }

    /** @param providerName the provider the client names, or "" to pick it by the token's issuer */
    Result verify(String token, List<OpenIdProvider> providers, String providerName) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return new Result.Refused("the token is too long");
        }
        SignedJWT jwt;
        String issuer;
        try {
            jwt = SignedJWT.parse(token);
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return new Result.Refused("not a signed JWT");
        }
        List<OpenIdProvider> candidates = providers.stream()
                .filter(p -> providerName.isEmpty() || p.name().equalsIgnoreCase(providerName))
                .filter(p -> p.issuer().equals(issuer))
                .toList();
        if (candidates.isEmpty()) {
            return new Result.Refused("the issuer is not an OpenID provider of this site");
        }
        String reason = "";
        for (OpenIdProvider provider : candidates) {
            try {
                JWTClaimsSet claims = processor(provider).process(jwt, null);
                return new Result.Verified(identity(provider, claims));
            } catch (BadJWTException e) {
                reason = claimsReason(e);
            } catch (BadJOSEException e) {
                reason = "the signature is not valid";
            } catch (KeySourceException e) {
                reason = "the provider's keys could not be fetched";
            } catch (JOSEException | ParseException | MalformedURLException | IllegalArgumentException e) {
                reason = "the token could not be verified";
            }
        }
        return new Result.Refused(reason);
    }

    private DefaultJWTProcessor<SecurityContext> processor(OpenIdProvider provider) throws MalformedURLException {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keySource(provider.jwksUrl())));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.of(provider.audience()),
                new JWTClaimsSet.Builder().issuer(provider.issuer()).build(), Set.of("sub", "exp", "iat"), null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        });
        return processor;
    }

    private JWKSource<SecurityContext> keySource(String jwksUrl) throws MalformedURLException {
        URL url = URI.create(jwksUrl).toURL();
        return keySources.computeIfAbsent(jwksUrl, u -> JWKSourceBuilder.<SecurityContext>create(url,
                        new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT))
                .refreshAheadCache(false)
                .retrying(false)
                .build());
    }

    private static Identity identity(OpenIdProvider provider, JWTClaimsSet claims) throws ParseException {
        Boolean verified = claims.getBooleanClaim("email_verified");
        return new Identity(provider, claims.getIssuer(), claims.getSubject(), claims.getStringClaim("email"),
                Boolean.TRUE.equals(verified), claims.getStringClaim("given_name"), claims.getStringClaim("family_name"));
    }

    private static String claimsReason(BadJWTException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("expired")) {
            return "the token has expired";
        }
        if (message.contains("audience") || message.contains("aud claim")) {
            return "the token is for another audience";
        }
        if (message.contains("before use time") || message.contains("nbf")) {
            return "the token is not valid yet";
        }
        if (message.contains("iss claim")) {
            return "the token has the wrong issuer";
        }
        if (message.contains("missing")) {
            return "the token lacks a required claim";
        }
        return "the token's claims were rejected";
    }
}
