package dev.frontdesk.server.egain;

import dev.frontdesk.core.account.Account;

/** The user name and password of a login body, checked for presence and shape (never printed). */
record LoginCredentials(String userName, String password) {

    /** Required and well-formed fields, else the 400 eGain documents ("... not present in request body"). */
    static LoginCredentials checked(String userName, String password) {
        if (userName == null || userName.isBlank()) {
            throw EgainError.badRequest("userName.missing");
        }
        if (userName.length() > Account.MAX_USERNAME_LENGTH || userName.chars().anyMatch(Character::isISOControl)) {
            throw EgainError.badRequest("userName.invalid", Account.MAX_USERNAME_LENGTH);
        }
        if (password == null || password.isBlank()) {
            throw EgainError.badRequest("password.missing");
        }
        return new LoginCredentials(userName, password);
    }

    @Override
    public String toString() {
        return "LoginCredentials[userName=" + userName + "]";
    }
}
