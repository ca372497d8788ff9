package dev.frontdesk.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontdesk.core.support.Validation;
import dev.frontdesk.core.tenant.PasswordPolicySettings;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    final PasswordPolicySettings defaults = PasswordPolicySettings.defaults();

    @Test
    void commonListHoldsAtLeastTenThousandPasswords() {
        assertThat(PasswordPolicy.isCommon("123456")).isTrue();
        assertThat(PasswordPolicy.isCommon("Password")).isTrue();
        assertThat(PasswordPolicy.isCommon("violet-stapler-orbit")).isFalse();
    }

    @Test
    void eachRuleRefusesWithItsOwnMessage() {
        assertThatThrownBy(() -> PasswordPolicy.check("short", defaults, "password"))
                .isInstanceOf(Validation.class).hasMessageContaining("at least 8");
        assertThatThrownBy(() -> PasswordPolicy.check("x".repeat(1025), defaults, "password"))
                .hasMessageContaining("1024 bytes");
        assertThatThrownBy(() -> PasswordPolicy.check("iloveyou", defaults, "password"))
                .hasMessageContaining("too common");
        assertThatThrownBy(() -> PasswordPolicy.check("xx-Margaret-xx", defaults, "password", "margaret"))
                .hasMessageContaining("user name");
    }

    @Test
    void normalisationMakesFullwidthAndAsciiTheSame() {
        assertThat(PasswordPolicy.normalize("ｐａｓｓ１２３")).isEqualTo("pass123");
    }
}
