package dev.frontdesk.server.iservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.tenant.LdapSettings;
import org.junit.jupiter.api.Test;

class LdapDirectoryTest {
    @Test
    void escapeRdnValueWhenSpecialCharactersThenEscaped() {
        assertThat(LdapDirectory.escapeRdnValue("amy")).isEqualTo("amy");
        assertThat(LdapDirectory.escapeRdnValue("a,ou=admins")).isEqualTo("a\\,ou=admins");
        assertThat(LdapDirectory.escapeRdnValue("x+cn=y")).isEqualTo("x\\+cn=y");
    }

    @Test
    void authenticateWhenPasswordEmptyThenRejectedWithoutContactingTheDirectory() {
        LdapSettings unreachable = new LdapSettings("ldap://127.0.0.1:1", "uid={username},dc=example,dc=com",
                null, null, null, null, false, false);

        assertThat(new LdapDirectory().authenticate(unreachable, "amy", ""))
                .isInstanceOf(LdapDirectory.Outcome.Rejected.class);
    }
}
