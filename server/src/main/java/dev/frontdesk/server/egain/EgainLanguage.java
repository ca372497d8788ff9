package dev.frontdesk.server.egain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fifteen {@code Accept-Language} codes eGain supports, and the choice among them for one request.
 *
 * <p>Codes match case-insensitively ({@code en-us} is {@code en-US}; {@code en_US} too). Entries are
 * tried in order of their q-value, ties in the order sent; the first supported one wins, {@code q=0}
 * excludes an entry, and {@code *} stands for the tenant's default language. A header naming no
 * supported code is answered 406; an absent or empty header means the tenant's default.
 */
enum EgainLanguage {
    EN_US("en-US"), ES_ES("es-ES"), FR_FR("fr-FR"), IT_IT("it-IT"), DE_DE("de-DE"), NL_NL("nl-NL"),
    PT_BR("pt-BR"), PT_PT("pt-PT"), DA_DK("da-DK"), RU_RU("ru-RU"), FR_CA("fr-CA"), ZH_CN("zh-CN"),
    JA_JP("ja-JP"), KO_KR("ko-KR"), SV_SE("sv-SE");

    private static final int MAX_ENTRIES = 32;
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8})*|\\*");

    private final String code;
    private final Locale locale;

    EgainLanguage(String code) {
        this.code = code;
        this.locale = Locale.forLanguageTag(code);
    }

    String code() {
        return code;
    }

    Locale locale() {
        return locale;
    }

    /** The supported language with this code (any case, '-' or '_'), else empty. */
    static Optional<EgainLanguage> of(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String normalized = tag.trim().replace('_', '-');
        for (EgainLanguage language : values()) {
            if (language.code.equalsIgnoreCase(normalized)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The tenant's default language when it is one of the fifteen, else en-US. */
    static EgainLanguage fallback(String tenantDefault) {
        return of(tenantDefault).orElse(EN_US);
    }

    /**
     * The language an {@code Accept-Language} value asks for; empty when it names none of the fifteen
     * (the caller answers 406).
     */
    static Optional<EgainLanguage> negotiate(String header, EgainLanguage tenantDefault) {
        if (header == null || header.isBlank()) {
            return Optional.of(tenantDefault);
        }
        record Entry(String tag, double q, int position) {
        }
        List<Entry> entries = new ArrayList<>();
        String[] parts = header.split(",");
        for (int i = 0; i < parts.length && i < MAX_ENTRIES; i++) {
            String[] pieces = parts[i].split(";", -1);
            String tag = pieces[0].trim();
            if (!TAG.matcher(tag).matches()) {
                continue;
            }
            double q = 1.0;
            for (int p = 1; p < pieces.length; p++) {
                String parameter = pieces[p].trim();
                if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                    q = quality(parameter.substring(2).trim());
                }
            }
            if (q > 0) {
                entries.add(new Entry(tag, q, i));
            }
        }
        entries.sort(Comparator.comparingDouble(Entry::q).reversed().thenComparingInt(Entry::position));
        for (Entry entry : entries) {
            if (entry.tag().equals("*")) {
                return Optional.of(tenantDefault);
            }
            Optional<EgainLanguage> language = of(entry.tag());
            if (language.isPresent()) {
                return language;
            }
        }
        return Optional.empty();
    }

    /** An RFC 9110 qvalue; anything malformed counts as 0 (the entry is ignored). */
    private static double quality(String text) {
        if (!text.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
            return 0;
        }
        return Double.parseDouble(text);
    }
}
