package dev.frontdesk.server.egain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every message exists, translated, in each of the fifteen bundle files. */
class EgainMessagesTest {

    /** The file's own entries (not inherited from the base bundle). */
    private static Properties file(EgainLanguage language) {
        String name = language == EgainLanguage.EN_US ? "messages.properties"
                : "messages_" + language.locale().getLanguage() + "_" + language.locale().getCountry() + ".properties";
        Properties properties = new Properties();
        try (InputStream in = EgainMessagesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @Test
    void everyFileHasExactlyTheKeysOfTheBaseBundle() {
        Properties english = file(EgainLanguage.EN_US);
        for (EgainLanguage language : EgainLanguage.values()) {
            assertThat(file(language).stringPropertyNames()).as(language.code())
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
    }

    @Test
    void everyLanguageLoadsItsOwnBundle() {
        for (EgainLanguage language : EgainLanguage.values()) {
            assertThat(EgainMessages.bundle(language).getLocale()).as(language.code())
                    .isEqualTo(language == EgainLanguage.EN_US ? Locale.ROOT : language.locale());
        }
    }

    @Test
    void everyTranslationDiffersFromEnglishAndKeepsItsPlaceholders() {
        Properties english = file(EgainLanguage.EN_US);
        for (EgainLanguage language : EgainLanguage.values()) {
            if (language == EgainLanguage.EN_US) {
                continue;
            }
            Properties translated = file(language);
            for (String key : english.stringPropertyNames()) {
                String text = translated.getProperty(key);
                assertThat(text).as(language.code() + " " + key).isNotEqualTo(english.getProperty(key));
                for (String placeholder : new String[] {"{0}", "{1}"}) {
                    assertThat(text.contains(placeholder)).as(language.code() + " " + key + " " + placeholder)
                            .isEqualTo(english.getProperty(key).contains(placeholder));
                }
            }
        }
    }

    @Test
    void textWhenArgumentLooksLikeAPlaceholderThenItIsNotExpanded() {
        String text = EgainMessages.text(EgainLanguage.EN_US, "credentials.invalid", "{0}{1}");

        assertThat(text).isEqualTo("User credentials could not be authenticated. Username : {0}{1}");
    }
}
