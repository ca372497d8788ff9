package dev.frontdesk.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontdesk.core.admin.AdminRole;
import dev.frontdesk.core.admin.Administrator;
import dev.frontdesk.core.admin.AdministratorStore;
import dev.frontdesk.core.admin.Passkey;
import dev.frontdesk.core.login.AccountTotpStore;
import dev.frontdesk.server.testing.BackingServices;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The administrator and account-TOTP stores (issue 18) on both relational databases: embedded H2 and
 * PostgreSQL (skipped when it does not answer, unless FRONTDESK_REQUIRE_SERVICES=true). The one-time
 * rules are single conditional statements: a TOTP step or a recovery code is taken by one racer only.
 */
class JdbcAdministratorStoreTest {
    @TempDir
    static Path dataDir;

    static Stream<String> databases() {
        return BackingServices.answers(5432) || "true".equals(System.getenv("FRONTDESK_REQUIRE_SERVICES"))
                ? Stream.of("h2", "postgresql") : Stream.of("h2");
    }

    private static Database open(String kind) {
        if (kind.equals("h2")) {
            return Database.embedded(dataDir.resolve("h2-" + System.nanoTime()));
        }
        BackingServices.requirePostgres();
        return Database.connect(BackingServices.freshPostgresDatabase(), BackingServices.POSTGRES_USER, "");
    }

    private static Administrator admin(String name) {
        return new Administrator(name, AdminRole.TENANT_ADMIN, Set.of("acme", "beta"), "$argon2id$x", Instant.now(),
                null, null, 0, 0);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void administratorWhenStoredThenReadBackUpdatedAndDeleted(String kind) {
        try (Database db = open(kind)) {
            AdministratorStore store = new JdbcAdministratorStore(db.jdbi());
            store.insert(admin("ann"));
            assertThatThrownBy(() -> store.insert(admin("ann"))).isInstanceOf(AdministratorStore.DuplicateAdministrator.class);
            Administrator read = store.find("ann").orElseThrow();
            assertThat(read.tenants()).containsExactlyInAnyOrder("acme", "beta");
            assertThat(read.hasSecondFactor()).isFalse();
            assertThat(store.update(read.withTotp("SECRET", null))).isTrue();
            assertThat(store.find("ann").orElseThrow().totpSecret()).isEqualTo("SECRET");
            store.insertPasskey(new Passkey("cred-1", "ann", "material", 0, Instant.now()));
            assertThat(store.find("ann").orElseThrow().passkeys()).isEqualTo(1);
            store.updateSignCount("cred-1", 7);
            assertThat(store.findPasskey("cred-1").orElseThrow().signCount()).isEqualTo(7);
            assertThat(store.findAll()).extracting(Administrator::username).containsExactly("ann");
            assertThat(store.delete("ann")).isTrue();
            assertThat(store.findPasskey("cred-1")).isEmpty();
            assertThat(store.find("ann")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void totpStepAndRecoveryCodeWhenRacedThenTakenOnce(String kind) throws Exception {
        try (Database db = open(kind)) {
            AdministratorStore store = new JdbcAdministratorStore(db.jdbi());
            store.insert(admin("bob"));
            store.replaceRecoveryCodes("bob", List.of("h1", "h2"));
            assertThat(race(() -> store.advanceTotpStep("bob", 100))).isEqualTo(1);
            assertThat(store.advanceTotpStep("bob", 99)).isFalse();
            assertThat(race(() -> store.consumeRecoveryCode("bob", "h1"))).isEqualTo(1);
            assertThat(store.recoveryCodesLeft("bob")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void accountTotpWhenPendingConfirmedAndChallengedThenAsStored(String kind) {
        try (Database db = open(kind)) {
            AccountTotpStore store = new JdbcAccountTotpStore(db.jdbi());
            store.savePending("acc-1", "PENDING");
            assertThat(store.confirm("acc-1")).isTrue();
            assertThat(store.find("acc-1").orElseThrow().secret()).isEqualTo("PENDING");
            assertThat(store.advanceStep("acc-1", 5)).isTrue();
            assertThat(store.advanceStep("acc-1", 5)).isFalse();
            Instant now = Instant.now();
            store.saveChallenge("hash", "acc-1", now.plusSeconds(300), now);
            assertThat(store.findChallenge("hash", now)).hasValue("acc-1");
            assertThat(store.findChallenge("hash", now.plusSeconds(301))).isEmpty();
            store.deleteChallenge("hash");
            assertThat(store.findChallenge("hash", now)).isEmpty();
        }
    }

    /** How many of eight concurrent calls returned true. */
    private static long race(Callable<Boolean> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = pool.invokeAll(IntStream.range(0, 8).mapToObj(i -> call).toList());
            long wins = 0;
            for (Future<Boolean> result : results) {
                wins += result.get() ? 1 : 0;
            }
            return wins;
        } finally {
            pool.shutdownNow();
        }
    }
}
