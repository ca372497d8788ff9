package dev.frontdesk.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.server.FrontdeskServer;
import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.testing.BackingServices;
import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.store.jdbc.JdbcAccountStore;
import dev.frontdesk.server.testing.NativeClient;
import dev.frontdesk.server.testing.TestServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * {@code frontdesk import-accounts} into a running server's embedded store: legacy bcrypt and PBKDF2
 * hashes log in unchanged and are upgraded to Argon2id by that login; a bad row stops the import before
 * anything is written; the progress output is plain text when there is no terminal (as here).
 */
class AccountCsvImportTest {
    @TempDir
    Path files;

    @Test
    void importAccountsWhenHashesAreLegacyBcryptAndPbkdf2ThenAccountsLogInAndHashesAreUpgraded() throws Exception {
        Path csv = files.resolve("accounts.csv");
        Files.writeString(csv, "\uFEFF" + """
                username,type,email,firstName,lastName,passwordHash,properties
                agent.bcrypt,agent,agent@example.com,Ann,Agent,{bcrypt}%s,
                customer.bare,customer,,,,%s,"{""crmId"":""C-7"",""tier"":""gold""}"
                customer.pbkdf2,customer,p@example.com,"Smith, Jr.",Pat,%s,
                no.password,customer,,,,,
                """.formatted(BCrypt.hashpw("bcrypt secret 1", BCrypt.gensalt(4)),
                BCrypt.hashpw("bare bcrypt 2", BCrypt.gensalt(4)).replace("$2a$", "$2b$"),
                pbkdf2("pbkdf2 secret 3")));
        try (TestServer server = TestServer.start()) {
            Cli.awaitEndpoint(server.dataDir());
            Cli imported = Cli.run("import-accounts", "--tenant", "default", "--data-dir", server.dataDir().toString(),
                    csv.toString()).ok();
            assertThat(imported.out()).contains("4 rows: 4 created, 0 skipped");
            assertThat(imported.err()).contains("importing 100%").doesNotContain("\u001b");
            assertThat(server.admin().ok("GET", "/tenants/default/events?type=admin.change", null).toString())
                    .contains("import-accounts: 4 accounts created from accounts.csv");

            NativeClient api = new NativeClient(server.baseUrl());
            assertThat(api.login("agent.bcrypt", "bcrypt secret 1", false).statusCode()).isEqualTo(201);
            assertThat(api.login("customer.bare", "bare bcrypt 2", false).statusCode()).isEqualTo(201);
            assertThat(api.login("customer.pbkdf2", "pbkdf2 secret 3", false).statusCode()).isEqualTo(201);
            assertThat(api.login("customer.pbkdf2", "pbkdf2 secret 4", false).statusCode()).isEqualTo(401);
            try (Database database = Database.embeddedOrRunning(server.dataDir())) {
                JdbcAccountStore accounts = new JdbcAccountStore(database.jdbi());
                for (String name : new String[] {"agent.bcrypt", "customer.bare", "customer.pbkdf2"}) {
                    assertThat(accounts.findByUsername("default", name).orElseThrow().passwordHash()).startsWith("$argon2id$");
                }
                Account bare = accounts.findByUsername("default", "customer.bare").orElseThrow();
                assertThat(bare.properties()).containsEntry("crmId", "C-7").containsEntry("tier", "gold");
                assertThat(accounts.findByUsername("default", "customer.pbkdf2").orElseThrow().firstName()).isEqualTo("Smith, Jr.");
                assertThat(accounts.findByUsername("default", "no.password").orElseThrow().passwordHash()).isNull();
            }

            Cli again = Cli.run("import-accounts", "--tenant", "default", "--data-dir", server.dataDir().toString(),
                    csv.toString()).ok();
            assertThat(again.out()).contains("4 rows: 0 created, 4 skipped");
            assertThat(api.login("agent.bcrypt", "bcrypt secret 1", false).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void importAccountsWhenRowsAreInvalidThenNothingIsWrittenAndEachLineIsReported() throws Exception {
        Path csv = files.resolve("bad.csv");
        Files.writeString(csv, """
                username,type,passwordHash
                good.one,customer,{bcrypt}%s
                bad.hash,customer,5f4dcc3b5aa765d61d8327deb882cf99
                GOOD.ONE,agent,
                bad.type,manager,
                """.formatted(BCrypt.hashpw("whatever", BCrypt.gensalt(4))));
        Path data = files.resolve("data");
        Cli refused = Cli.run("import-accounts", "--tenant", "default", "--data-dir", data.toString(), csv.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("4 rows, 3 with problems; nothing was written",
                "line 3: passwordHash is not in a supported form", "line 4: user name GOOD.ONE appears twice",
                "line 5: type must be agent or customer");

        Path unknownColumn = files.resolve("columns.csv");
        Files.writeString(unknownColumn, "username,type,password\nx,customer,secret\n");
        Cli columns = Cli.run("import-accounts", "--tenant", "default", "--data-dir", data.toString(), unknownColumn.toString());
        assertThat(columns.exit()).isEqualTo(1);
        assertThat(columns.out()).contains("unknown column \"password\"").doesNotContain("secret");

        Cli export = Cli.run("export", "--data-dir", data.toString(), "--output", files.resolve("e.json").toString()).ok();
        assertThat(export.err()).contains("0 accounts");
    }

    @Test
    void importAccountsWhenTenantIsUnknownThenItRefuses() throws Exception {
        Path csv = files.resolve("a.csv");
        Files.writeString(csv, "username,type\nx,customer\n");
        Cli refused = Cli.run("import-accounts", "--tenant", "nowhere", "--data-dir", files.resolve("d").toString(),
                csv.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("unknown tenant: nowhere");
    }

    @Test
    void importAccountsWhenStoreIsPostgresThenAccountsLogIn() throws Exception {
        BackingServices.requirePostgres();
        String url = BackingServices.freshPostgresDatabase();
        Path config = files.resolve("frontdesk.yaml");
        Files.writeString(config, "dbUrl: " + url + "\ndbUser: " + BackingServices.POSTGRES_USER + "\n");
        Path csv = files.resolve("pg.csv");
        Files.writeString(csv, "username,type,passwordHash\npg.bcrypt,agent,%s\npg.pbkdf2,customer,%s\n"
                .formatted(BCrypt.hashpw("pg secret 1", BCrypt.gensalt(4)), pbkdf2("pg secret 2")));
        Cli imported = Cli.run("import-accounts", "--tenant", "default", "--config", config.toString(), csv.toString()).ok();
        assertThat(imported.out()).contains("2 rows: 2 created, 0 skipped");

        ServerConfig onPostgres = TestServer.configBuilder(files.resolve("unused")).dbUrl(url)
                .dbUser(BackingServices.POSTGRES_USER).build();
        try (FrontdeskServer server = FrontdeskServer.start(onPostgres, Clock.systemUTC(),
                new PrintStream(OutputStream.nullOutputStream()))) {
            NativeClient api = new NativeClient("http://127.0.0.1:" + server.port());
            assertThat(api.login("pg.bcrypt", "pg secret 1", false).statusCode()).isEqualTo(201);
            assertThat(api.login("pg.pbkdf2", "pg secret 2", false).statusCode()).isEqualTo(201);
        }
    }

    private static String pbkdf2(String password) throws Exception {
        byte[] salt = "sixteen byte salt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 1000, 256)).getEncoded();
        return "{pbkdf2-sha256}1000$" + Base64.getEncoder().encodeToString(salt) + "$" + Base64.getEncoder().encodeToString(hash);
    }
}
