package dev.frontdesk.server.iservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.TenantSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResetLinksTest {
    private static Tenant tenant(String passwordResetUrl, List<String> corsOrigins, List<String> hosts) {
        TenantSettings d = TenantSettings.defaults();
        TenantSettings settings = TenantSettings.builder().corsAllowedOrigins(corsOrigins)
                .passwordResetUrl(passwordResetUrl).build();
        return new Tenant("t1", hosts, settings);
    }

    @Test
    void linkWhenUrlHasNoQueryThenCodeIsTheQuery() {
        assertThat(ResetLinks.link("https://p.example.com/Reset.aspx", "abc"))
                .isEqualTo("https://p.example.com/Reset.aspx?confirm=abc");
    }

    @Test
    void linkWhenUrlHasQueryAndFragmentThenCodeJoinsTheQueryBeforeTheFragment() {
        assertThat(ResetLinks.link("https://p.example.com/r?lang=en#top", "abc"))
                .isEqualTo("https://p.example.com/r?lang=en&confirm=abc#top");
    }

    @Test
    void allowedWhenSameOriginAsTenantResetPageThenTrueElseFalse() {
        Tenant tenant = tenant("https://p.example.com/Reset.aspx", List.of(), List.of());

        assertThat(ResetLinks.allowed("https://p.example.com/other", tenant)).isTrue();
        assertThat(ResetLinks.allowed("https://p.example.com:443/other", tenant)).isTrue();
        assertThat(ResetLinks.allowed("http://p.example.com/other", tenant)).isFalse();
        assertThat(ResetLinks.allowed("https://p.example.com.evil.net/x", tenant)).isFalse();
        assertThat(ResetLinks.allowed("https://user@p.example.com/x", tenant)).isFalse();
        assertThat(ResetLinks.allowed("javascript:alert(1)", tenant)).isFalse();
    }

    @Test
    void allowedWhenResetPageIsHttpsThenPlainHttpOnAClaimedHostIsNot() {
        Tenant tenant = tenant("https://p.example.com/Reset.aspx", List.of(), List.of("p.example.com", "acme.example.com"));

        assertThat(ResetLinks.allowed("https://acme.example.com/reset", tenant)).isTrue();
        assertThat(ResetLinks.allowed("http://acme.example.com/reset", tenant)).isFalse();
        assertThat(ResetLinks.allowed("http://p.example.com/Reset.aspx", tenant)).isFalse();
    }

    @Test
    void allowedWhenOriginListedOrHostClaimedThenTrue() {
        Tenant tenant = tenant("", List.of("https://*.portal.example.com"), List.of("acme.example.com"));

        assertThat(ResetLinks.allowed("https://eu.portal.example.com/reset", tenant)).isTrue();
        assertThat(ResetLinks.allowed("https://a.b.portal.example.com/reset", tenant)).isFalse();
        assertThat(ResetLinks.allowed("https://acme.example.com:8443/reset", tenant)).isTrue();
        assertThat(ResetLinks.allowed("https://other.example.com/reset", tenant)).isFalse();
    }
}
