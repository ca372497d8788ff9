package dev.frontdesk.server.egain;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Error messages in the fifteen languages, from {@code dev/frontdesk/server/egain/messages*.properties}
 * (UTF-8). {@code {0}}, {@code {1}} are replaced in one pass, so an argument (a user name as sent) is
 * never itself read as a placeholder; no {@code MessageFormat}, so apostrophes need no escaping.
 */
final class EgainMessages {
    static final String BUNDLE = "dev.frontdesk.server.egain.messages";

    private static final Map<EgainLanguage, ResourceBundle> BUNDLES = load();

    private EgainMessages() {
    }

    static String text(EgainLanguage language, String key, Object... args) {
        String pattern = BUNDLES.get(language).getString(key);
        if (args.length == 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' && i + 2 < pattern.length() && pattern.charAt(i + 2) == '}'
                    && Character.isDigit(pattern.charAt(i + 1))) {
                int index = pattern.charAt(i + 1) - '0';
                if (index < args.length) {
                    out.append(args[index]);
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    static ResourceBundle bundle(EgainLanguage language) {
        return BUNDLES.get(language);
    }

    private static Map<EgainLanguage, ResourceBundle> load() {
        // No fallback to the JVM's default locale: en-US is the base bundle, every other code has its own file.
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        Map<EgainLanguage, ResourceBundle> bundles = new EnumMap<>(EgainLanguage.class);
        for (EgainLanguage language : EgainLanguage.values()) {
            bundles.put(language, ResourceBundle.getBundle(BUNDLE, language.locale(), EgainMessages.class.getClassLoader(),
                    control));
        }
        return bundles;
    }
}
