package dev.frontdesk.core.credential;

/** A TOTP key shown for enrolment (Base32 and as an {@code otpauth://} URI); confirmed by the first code. */
public record TotpEnrolment(String secret, String uri) {
    @Override
    public String toString() {
        return "TotpEnrolment[...]";
    }
}
