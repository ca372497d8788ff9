package dev.frontdesk.core.tenant;

import dev.frontdesk.core.support.Validation;

/**
 * Rules for new passwords: length bounds only (no composition rules), a common-password list, and no
 * password equal to or containing the user name.
 */
public record PasswordPolicySettings(int minLength, int maxBytes, boolean rejectCommon, Boolean rejectUsername) {
    public PasswordPolicySettings {
        Validation.require(minLength >= 1, "passwordPolicy.minLength", "must be >= 1");
        Validation.require(maxBytes >= 64 && maxBytes <= 4096, "passwordPolicy.maxBytes", "must be within 64..4096");
        rejectUsername = rejectUsername == null || rejectUsername;
    }

    public static PasswordPolicySettings defaults() {
        return new PasswordPolicySettings(8, 1024, true, true);
    }
}
