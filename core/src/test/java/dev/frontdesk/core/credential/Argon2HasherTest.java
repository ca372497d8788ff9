package dev.frontdesk.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class Argon2HasherTest {
    final Argon2Parameters small = new Argon2Parameters(4096, 1, 1);
    final Argon2Hasher hasher = new Argon2Hasher(small, 2);

    @Test
    void hashThenMatchesOnlyTheSamePassword() {
        String hash = hasher.hash("correct horse");
        assertThat(hash).startsWith("$argon2id$v=19$m=4096,t=1,p=1$");
        assertThat(hasher.matches("correct horse", hash)).isTrue();
        assertThat(hasher.matches("correct horsE", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void hashesOfSpringSecurityAreVerifiedAndTheirsOfOurs() {
        Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 4096, 1);
        assertThat(hasher.matches("pässwörd ✓", spring.encode("pässwörd ✓"))).isTrue();
        assertThat(spring.matches("pässwörd ✓", hasher.hash("pässwörd ✓"))).isTrue();
    }

    @Test
    void hashWithOtherParametersStillVerifiesAndNeedsRehash() {
        String old = new Argon2Hasher(new Argon2Parameters(2048, 2, 1), 1).hash("older");
        assertThat(hasher.matches("older", old)).isTrue();
        assertThat(hasher.needsRehash(old)).isTrue();
    }

    @Test
    void unmatchableHashHasTheCurrentParametersAndMatchesNoPassword() {
        String dummy = hasher.unmatchableHash();

        assertThat(hasher.recognizes(dummy)).isTrue();
        assertThat(hasher.needsRehash(dummy)).isFalse();
        assertThat(hasher.matches("", dummy)).isFalse();
        assertThat(hasher.matches("any-password", dummy)).isFalse();
        assertThat(hasher.unmatchableHash()).isNotEqualTo(dummy);
    }

    @Test
    void malformedHashesNeverMatch() {
        assertThat(hasher.matches("x", null)).isFalse();
        assertThat(hasher.matches("x", "$argon2id$v=19$m=4096,t=1,p=1$!!!$???")).isFalse();
        assertThat(hasher.matches("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.recognizes("$argon2i$v=19$m=4096,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g")).isFalse();
    }

    @Test
    void concurrentHashingSharesTheArenasCorrectly() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String password = "password-" + i;
                results.add(pool.submit(() -> hasher.matches(password, hasher.hash(password))
                        && !hasher.matches(password + "!", hasher.hash(password))));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        }
    }
}
