package dev.frontdesk.core.account;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import dev.frontdesk.core.support.Validation;
import java.util.Locale;

/**
 * Rules for new user names and e-mail addresses, after Unicode TS #39 (security mechanisms), with
 * ICU4J: look-alike identities must not coexist. A new identifier is refused when it holds a control,
 * format, invisible (default-ignorable) or bidirectional-control character; when it is not in NFKC form
 * (fullwidth {@code ｋａｔｅ} is a disguised {@code kate}); or, for a user name, when it mixes scripts
 * beyond UTS #39's "moderately restrictive" level ({@code kat} + Cyrillic {@code е}). Then the name's
 * {@link #skeleton} (case-folded, confusables mapped to one prototype) must not equal an existing
 * account's: {@code paypaI} (capital i) or {@code rnary} next to {@code paypal} or {@code mary}. The store keeps
 * the skeleton of every account. Existing accounts are not re-checked: they keep working as they are.
 */
public final class Identifiers {
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final SpoofChecker MIXED_SCRIPTS = new SpoofChecker.Builder()
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS | SpoofChecker.INVISIBLE)
            .build();
    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.CONFUSABLE)
            .build();

    private Identifiers() {
    }

    /** A new user name that passes every rule, else a {@link Validation} naming {@code username}. */
    public static String checkNewUsername(String username) {
        checkCharacters(username, "username", "user name");
        Validation.require(!MIXED_SCRIPTS.failsChecks(username), "username",
                "user name mixes scripts or digit sets in a way that can imitate another name");
        return username;
    }

    /** A new e-mail address (or null) that passes the character rules, else a {@link Validation}. */
    public static String checkNewEmail(String email) {
        if (email == null || email.isEmpty()) {
            return email;
        }
        checkCharacters(email, "email", "e-mail address");
        return email;
    }

    /**
     * The UTS #39 skeleton of a user name, case-folded: two names with the same skeleton look alike.
     * It is what the account store keeps beside each name, to refuse a look-alike of an existing one.
     */
    public static String skeleton(String username) {
        // skeleton before case: UTS #39 maps capital I and digit 1 to l, which folding first would lose
        return UCharacter.foldCase(SKELETONS.getSkeleton(NFKC.normalize(username)), true).toLowerCase(Locale.ROOT);
    }

    private static void checkCharacters(String value, String field, String what) {
        value.codePoints().forEach(cp -> {
            int type = UCharacter.getType(cp);
            boolean hidden = type == UCharacterCategory.CONTROL || type == UCharacterCategory.FORMAT
                    || type == UCharacterCategory.UNASSIGNED || type == UCharacterCategory.PRIVATE_USE
                    || type == UCharacterCategory.LINE_SEPARATOR || type == UCharacterCategory.PARAGRAPH_SEPARATOR
                    || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                    || UCharacter.hasBinaryProperty(cp, UProperty.BIDI_CONTROL);
            Validation.require(!hidden, field, what + " contains an invisible, control or direction-changing character (U+"
                    + String.format("%04X", cp) + ")");
        });
        Validation.require(NFKC.isNormalized(value), field,
                what + " contains compatibility characters (such as fullwidth letters); use their plain form");
    }
}
