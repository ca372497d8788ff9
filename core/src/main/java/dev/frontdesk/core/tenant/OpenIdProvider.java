package dev.frontdesk.core.tenant;

import dev.frontdesk.core.support.Validation;

/** An OpenID Connect provider whose ID tokens a tenant accepts (iService {@code registeropenid}). */
public record OpenIdProvider(String name, String issuer, String audience, String jwksUrl) {
    public OpenIdProvider {
        Validation.requireText(name, "openIdProviders.name");
        Validation.requireText(issuer, "openIdProviders.issuer");
        Validation.requireText(audience, "openIdProviders.audience");
        Validation.requireText(jwksUrl, "openIdProviders.jwksUrl");
    }
}
