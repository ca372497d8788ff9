package dev.frontdesk.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The user and password of an {@code Authorization: Basic} header (RFC 7617, UTF-8). */
public record BasicCredentials(String user, String password) {

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }

    /**
     * The credentials form-decoded, as RFC 6749 §2.3.1 has OAuth clients encode them before Basic
     * ({@code application/x-www-form-urlencoded}: {@code %XX} as UTF-8, {@code +} a space); empty when
     * decoding changes nothing or the text is not a valid encoding (then only the raw value can be meant).
     */
    public Optional<BasicCredentials> formDecoded() {
        Optional<String> decodedUser = formDecode(user);
        Optional<String> decodedPassword = formDecode(password);
        if (decodedUser.isEmpty() || decodedPassword.isEmpty()) {
            return Optional.empty();
        }
        BasicCredentials decoded = new BasicCredentials(decodedUser.get(), decodedPassword.get());
        return decoded.equals(this) ? Optional.empty() : Optional.of(decoded);
    }

    private static Optional<String> formDecode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return Optional.of(text);
        }
        try {
            byte[] bytes = new byte[text.length()];
            int length = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '+') {
                    bytes[length++] = ' ';
                } else if (c == '%') {
                    if (i + 2 >= text.length()) {
                        return Optional.empty();
                    }
                    int hi = Character.digit(text.charAt(i + 1), 16);
                    int lo = Character.digit(text.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0) {
                        return Optional.empty();
                    }
                    bytes[length++] = (byte) (hi * 16 + lo);
                    i += 2;
                } else if (c < 0x80) {
                    bytes[length++] = (byte) c;
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Empty when the header is absent, not Basic, or malformed. */
    public static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() < 6 || header.length() > 8192
                || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(header.substring(6).trim());
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded)).toString();
            int colon = text.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new BasicCredentials(text.substring(0, colon), text.substring(colon + 1)));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
