package dev.frontdesk.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import dev.frontdesk.core.credential.Argon2Hasher;
import dev.frontdesk.core.credential.Argon2Parameters;
import dev.frontdesk.core.openid.OpenIdLink;
import dev.frontdesk.server.FrontdeskServer;
import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.store.jdbc.JdbcOpenIdLinkStore;
import dev.frontdesk.server.store.secrets.SecretKeyFile;
import dev.frontdesk.server.testing.AdminClient;
import dev.frontdesk.server.testing.BackingServices;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.NativeClient;
import dev.frontdesk.server.testing.TestServer;
import dev.frontdesk.server.testing.TotpCodes;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code frontdesk export} from a running embedded server, {@code frontdesk import} into PostgreSQL: the
 * second store's export equals the first's, accounts log in there with their old passwords, clients get
 * tokens with their old secrets, administrators sign in with their old passwords (and TOTP apps and
 * recovery codes) in their old roles, tenants keep their SMTP and LDAP passwords although the target's
 * servers have another secret key, and importing again changes nothing.
 */
class ExportImportTest {
    private static final String ADMIN_HASH = new Argon2Hasher(new Argon2Parameters(4096, 1, 1)).hash("old admin secret");
    private static final String ACME_SMTP_PASSWORD = "acme-smtp-relay-password";
    private static final String LDAP_BIND_PASSWORD = "directory-manager-bind-password";
    private static final String AGENTS = "ou=agents,dc=example,dc=com";

    @TempDir
    Path files;

    @Test
    void roundTripWhenEmbeddedExportIsImportedIntoPostgresThenNothingIsLostAndAccountsLogIn() throws Exception {
        BackingServices.requirePostgres();
        Path export = files.resolve("export.json");
        Enrolled tara;
        try (TestServer source = TestServer.start()) {
            tara = arrange(source);
            Cli.awaitEndpoint(source.dataDir());
            Cli exported = Cli.run("export", "--data-dir", source.dataDir().toString(), "--config",
                    keyConfig("source.yaml", TestServer.keyFile(source.dataDir()), ""), "--output", export.toString()).ok();
            assertThat(exported.err()).contains("3 tenants", "5 accounts", "1 OpenID links", "3 clients",
                    "3 administrators", "1 administrator clients");
        }
        JsonNode document = Json.MAPPER.readTree(Files.readString(export));
        assertThat(document.get("format").asString()).isEqualTo("frontdesk-export");
        assertThat(Files.readString(export)).doesNotContain("kb-password-1", "Larch-meadow-42", "client-secret-1",
                "acme-ops-password-1", "tara-password-12", "robot-secret-1", tara.recoveryCodes().getFirst());
        assertThat(document.get("administrators").findValuesAsString("name")).containsExactly("acme-ops", "admin", "tara");
        assertThat(document.get("adminClients").toString()).contains("robot", "tenant-admin", "acme");
        // the tenant's SMTP password travels in clear: opened with the source's key
        assertThat(document.get("tenants").findValue("mail").get("password").asString()).isEqualTo(ACME_SMTP_PASSWORD);
        assertThat(Files.readString(export)).doesNotContain("sealed:v1:");

        String url = BackingServices.freshPostgresDatabase();
        String database = "dbUrl: " + url + "\ndbUser: " + BackingServices.POSTGRES_USER + "\n";
        // the target's servers have another key (B); the import is told the same key, as the servers are
        Path targetKey = Path.of(TestServer.keyFile(files.resolve("unused")));
        Files.writeString(targetKey, SecretKeyFile.encode(SecretKeyFile.random()) + "\n");
        String pg = keyConfig("frontdesk.yaml", targetKey.toString(), database);

        // without a key the import into PostgreSQL cannot seal the SMTP password for the servers: refused
        Cli keyless = Cli.run("import", export.toString(), "--dry-run", "--config",
                keyConfig("keyless.yaml", files.resolve("absent.key").toString(), database));
        assertThat(keyless.exit()).isEqualTo(1);
        assertThat(keyless.out()).contains("nothing was written", "tenant(s) acme carry SMTP/LDAP passwords to seal",
                "there is no secret key here", "absent.key does not exist", "FRONTDESK_SECRET_KEY")
                .doesNotContain(ACME_SMTP_PASSWORD);
        assertThat(files.resolve("absent.key")).doesNotExist();

        Cli dry = Cli.run("import", export.toString(), "--dry-run", "--config", pg).ok();
        assertThat(dry.out()).contains("dry run").containsPattern("accounts:\\s+5 created")
                .containsPattern("administrators:\\s+3 created").containsPattern("adminClients:\\s+1 created");
        Path afterDryRun = files.resolve("after-dry-run.json");
        Cli.run("export", "--config", pg, "--output", afterDryRun.toString()).ok();
        JsonNode untouched = Json.MAPPER.readTree(Files.readString(afterDryRun));
        assertThat(untouched.get("accounts")).isEmpty();
        assertThat(untouched.get("administrators")).isEmpty();
        assertThat(untouched.get("adminClients")).isEmpty();

        Cli imported = Cli.run("import", export.toString(), "--config", pg).ok();
        assertThat(imported.out()).containsPattern("accounts:\\s+5 created").contains("imported")
                .contains("1 tenant(s) with SMTP/LDAP passwords: sealed with key "
                        + SecretKeyFile.sealer(null, targetKey).currentKeyId());
        assertThat(settingsRow(url, "acme")).contains("sealed:v1:" + SecretKeyFile.sealer(null, targetKey).currentKeyId())
                .doesNotContain(ACME_SMTP_PASSWORD);
        Path reexport = files.resolve("reexport.json");
        Cli.run("export", "--config", pg, "--output", reexport.toString()).ok();
        assertThat(withoutTime(Files.readString(reexport))).isEqualTo(withoutTime(Files.readString(export)));

        Cli again = Cli.run("import", export.toString(), "--config", pg).ok();
        assertThat(again.out()).containsPattern("accounts:\\s+0 created\\s+0 updated\\s+5 unchanged")
                .containsPattern("gatewayRules:\\s+0 created\\s+0 updated\\s+1 unchanged")
                .containsPattern("tenants:\\s+0 created\\s+0 updated\\s+3 unchanged")
                .containsPattern("administrators:\\s+0 created\\s+0 updated\\s+3 unchanged")
                .containsPattern("adminClients:\\s+0 created\\s+0 updated\\s+1 unchanged");

        // an import with yet another key finds the stored SMTP password sealed with one it lacks: not the
        // servers' key, so it refuses rather than seal with it
        Path otherKey = files.resolve("other.key");
        Files.writeString(otherKey, SecretKeyFile.encode(SecretKeyFile.random()) + "\n");
        Cli wrongKey = Cli.run("import", export.toString(), "--config", keyConfig("other.yaml", otherKey.toString(), database));
        assertThat(wrongKey.exit()).isEqualTo(1);
        assertThat(wrongKey.out()).contains("nothing was written", "tenants acme (stored): mail.password is sealed with key "
                + SecretKeyFile.sealer(null, targetKey).currentKeyId(), "that is not the key of this store's servers");

        ServerConfig onPostgres = TestServer.configBuilder(files.resolve("unused")).dbUrl(url)
                .dbUser(BackingServices.POSTGRES_USER).build();
        try (FrontdeskServer target = FrontdeskServer.start(onPostgres, Clock.systemUTC(),
                new PrintStream(OutputStream.nullOutputStream()))) {
            String base = "http://127.0.0.1:" + target.port();
            NativeClient api = new NativeClient(base);
            assertThat(api.login("kbagent1", "kb-password-1", false).statusCode()).isEqualTo(201);
            assertThat(api.login("customer1", "Larch-meadow-42", false).statusCode()).isEqualTo(201);
            assertThat(api.login("legacy1", "legacy password", false).statusCode()).isEqualTo(201);
            assertThat(api.login("kbagent1", "wrong password", false).statusCode()).isEqualTo(401);
            assertThat(api.login("retired1", "retired-password-1", false).statusCode()).isEqualTo(401);
            assertThat(Cli.token(base, "flow-1", "client-secret-1").statusCode()).isEqualTo(200);
            AdminClient owner = new AdminClient(base, TestServer.ADMIN_PASSWORD);
            assertThat(target.core().tenants().require("acme").settings().mail().password()).isEqualTo(ACME_SMTP_PASSWORD);
            assertThat(owner.ok("GET", "/tenants/acme", null).get("settings").get("mail").get("passwordSet").asBoolean())
                    .isTrue();
            assertThat(owner.ok("GET", "/tenants/acme/events?type=admin.change", null).toString())
                    .contains("import: tenant settings, 1 accounts created, 0 updated, 1 OpenID links, 1 clients");
            assertThat(owner.ok("GET", "/events?type=admin.change", null).toString())
                    .contains("import: 3 administrators created, 0 updated, 1 administrator clients");

            // a tenant-admin of acme: its old password, its role and its scope
            JsonNode acmeOps = owner.ok("GET", "/administrators/acme-ops", null);
            assertThat(acmeOps.get("role").asString()).isEqualTo("tenant-admin");
            assertThat(acmeOps.get("tenants").get(0).asString()).isEqualTo("acme");
            AdminClient scoped = new AdminClient(base, "acme-ops", "acme-ops-password-1");
            assertThat(scoped.call("GET", "/tenants/acme/accounts", null).statusCode()).isEqualTo(200);
            assertThat(scoped.call("GET", "/tenants/default/accounts", null).statusCode()).isEqualTo(403);
            assertThat(scoped.call("GET", "/administrators", null).statusCode()).isEqualTo(403);
            assertThat(new AdminClient(base, "acme-ops", "wrong-password-1").call("GET", "/tenants/acme/accounts", null)
                    .statusCode()).isEqualTo(401);

            // TOTP came along: Basic is refused as before; the console takes the password with the app's next
            // code or with one of the recovery codes, each once
            assertThat(owner.ok("GET", "/administrators/tara", null).get("totp").asBoolean()).isTrue();
            assertThat(new AdminClient(base, "tara", "tara-password-12").call("GET", "/tenants", null).statusCode())
                    .isEqualTo(401);
            String next = TotpCodes.forStep(tara.secret(), Instant.now().getEpochSecond() / 30 + 1);
            assertThat(consoleSignIn(base, "tara", "tara-password-12", next).statusCode()).isEqualTo(201);
            assertThat(consoleSignIn(base, "tara", "tara-password-12", next).statusCode()).isEqualTo(401);
            String recovery = tara.recoveryCodes().getFirst();
            assertThat(consoleSignIn(base, "tara", "tara-password-12", recovery).statusCode()).isEqualTo(201);
            assertThat(consoleSignIn(base, "tara", "tara-password-12", recovery).statusCode()).isEqualTo(401);

            // the administrator client keeps its role
            HttpResponse<String> robotToken = Http.plain().post(base + "/oauth2/token",
                    "application/x-www-form-urlencoded", "grant_type=client_credentials&scope=admin",
                    "Authorization", Http.basic("robot", "robot-secret-1"));
            assertThat(robotToken.statusCode()).as(robotToken.body()).isEqualTo(200);
            AdminClient robot = AdminClient.bearer(base,
                    Json.MAPPER.readTree(robotToken.body()).get("access_token").asString());
            assertThat(robot.call("GET", "/tenants/acme/accounts", null).statusCode()).isEqualTo(200);
            assertThat(robot.call("GET", "/tenants/default/accounts", null).statusCode()).isEqualTo(403);

            // importing once more after use changes nothing: a used code stays used, the TOTP step stays ahead
            Cli afterUse = Cli.run("import", export.toString(), "--config", pg).ok();
            assertThat(afterUse.out()).containsPattern("administrators:\\s+0 created\\s+0 updated\\s+3 unchanged")
                    .containsPattern("adminClients:\\s+0 created\\s+0 updated\\s+1 unchanged");
            assertThat(consoleSignIn(base, "tara", "tara-password-12", recovery).statusCode()).isEqualTo(401);
            assertThat(consoleSignIn(base, "tara", "tara-password-12", next).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void tenantSecretsWhenExportedWithOneKeyAndImportedWhereServersHaveAnotherThenOpenedResealedAndTheyWork()
            throws Exception {
        InMemoryDirectoryServer directory = directory();
        try {
            Path sourceDir;
            Path export = files.resolve("export.json");
            try (TestServer source = TestServer.start()) {
                sourceDir = source.dataDir();
                source.admin().patchSettings("default", Map.of("ldap", Map.of("url", "ldap://127.0.0.1:"
                                + directory.getListenPort(), "searchBase", AGENTS, "searchFilter",
                        "(&(objectClass=inetOrgPerson)(mail={username}))", "bindDn", "cn=Directory Manager",
                        "bindPassword", LDAP_BIND_PASSWORD, "startTls", false, "autoCreateAgents", true)));
                source.admin().ok("PUT", "/tenants/acme", Map.of("hosts", List.of("acme.example.com"),
                        "settings", Map.of("mail", mail(ACME_SMTP_PASSWORD))));
                assertThat(agentLogin(source.baseUrl())).isTrue();
            }
            Path keyA = Path.of(TestServer.keyFile(sourceDir));
            String sourceKey = keyConfig("source.yaml", keyA.toString(), "");

            // the source's key opens the sealed values: none is left sealed in the file
            Cli.run("export", "--data-dir", sourceDir.toString(), "--config", sourceKey, "--output", export.toString()).ok();
            String file = Files.readString(export);
            assertThat(file).contains(ACME_SMTP_PASSWORD, LDAP_BIND_PASSWORD).doesNotContain("sealed:v1:");
            // without it the export stops, before writing a line, and says why
            Path elsewhere = files.resolve("elsewhere.json");
            Cli keyless = Cli.run("export", "--data-dir", sourceDir.toString(), "--config",
                    keyConfig("keyless.yaml", files.resolve("absent.key").toString(), ""), "--output", elsewhere.toString());
            assertThat(keyless.exit()).isEqualTo(1);
            assertThat(keyless.err()).contains("cannot export tenant", "is sealed, and there is no secret key here",
                    "absent.key does not exist", "FRONTDESK_SECRET_KEY");
            assertThat(Files.readString(elsewhere)).isEmpty();
            assertThat(files.resolve("absent.key")).doesNotExist();

            // the target's server has its own key (B), in the place it looks for it, not there yet
            Path targetDir = files.resolve("target");
            Path keyB = Path.of(TestServer.keyFile(targetDir));
            String targetKey = keyConfig("target.yaml", keyB.toString(), "");
            Cli dry = Cli.run("import", export.toString(), "--data-dir", targetDir.toString(), "--config", targetKey,
                    "--dry-run").ok();
            assertThat(dry.out()).contains("dry run").containsPattern("tenants:\\s+2 created")
                    .contains("2 tenant(s) with SMTP/LDAP passwords: sealed with a new key");
            assertThat(keyB).as("a dry run writes no key").doesNotExist();
            Cli imported = Cli.run("import", export.toString(), "--data-dir", targetDir.toString(), "--config", targetKey)
                    .ok();
            assertThat(imported.out()).contains("imported").containsPattern("tenants:\\s+2 created")
                    .doesNotContain(ACME_SMTP_PASSWORD, LDAP_BIND_PASSWORD);
            assertThat(Files.readString(keyB)).isNotEqualTo(Files.readString(keyA));
            String idB = SecretKeyFile.sealer(null, keyB).currentKeyId();
            assertThat(embeddedSettingsRow(targetDir, "acme")).contains("sealed:v1:" + idB).doesNotContain(ACME_SMTP_PASSWORD);
            assertThat(embeddedSettingsRow(targetDir, "default")).contains("sealed:v1:" + idB)
                    .doesNotContain(LDAP_BIND_PASSWORD);
            String acmeSealed = embeddedSettingsRow(targetDir, "acme");
            assertThat(Cli.run("import", export.toString(), "--data-dir", targetDir.toString(), "--config", targetKey)
                    .ok().out()).containsPattern("tenants:\\s+0 created\\s+0 updated\\s+2 unchanged")
                    .doesNotContain("SMTP/LDAP passwords: sealed");
            assertThat(embeddedSettingsRow(targetDir, "acme")).as("unchanged: not sealed again").isEqualTo(acmeSealed);

            // a file of the previous format holds the values sealed with the source's key (A): the target's key
            // does not open them, so nothing is written; where the key holds A, it imports
            Path oldFormat = files.resolve("old-format.json");
            ObjectNode old = (ObjectNode) Json.MAPPER.readTree(file);
            ObjectNode oldAcme = (ObjectNode) old.get("tenants").get(0);
            assertThat(oldAcme.get("id").asString()).isEqualTo("acme");
            ObjectNode oldSettings = (ObjectNode) Json.MAPPER.readTree(embeddedSettingsRow(sourceDir, "acme"));
            oldSettings.put("maxSessionsPerAccount", 7);
            oldAcme.set("settings", oldSettings);
            Files.writeString(oldFormat, Json.write(old));
            Cli refused = Cli.run("import", oldFormat.toString(), "--data-dir", targetDir.toString(), "--config", targetKey);
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.out()).contains("nothing was written", "tenants[0] acme: mail.password is sealed with key "
                    + SecretKeyFile.sealer(null, keyA).currentKeyId() + ", and the key here is " + idB + " (from the key file "
                    + keyB + ")", "export it again with this version");
            assertThat(embeddedSettingsRow(targetDir, "acme")).isEqualTo(acmeSealed);
            Path freshDir = files.resolve("fresh");
            Cli refusedFresh = Cli.run("import", oldFormat.toString(), "--data-dir", freshDir.toString());
            assertThat(refusedFresh.exit()).isEqualTo(1);
            assertThat(refusedFresh.out()).contains("tenants[0] acme: mail.password is sealed with key");
            assertThat(files.resolve("frontdesk.key")).as("an import that writes nothing creates no key").doesNotExist();
            Path copyDir = files.resolve("copy");
            String copyKey = keyConfig("copy.yaml", keyA.toString(), "");
            Cli.run("import", oldFormat.toString(), "--data-dir", copyDir.toString(), "--config", copyKey).ok();
            Path fromCopy = files.resolve("from-copy.json");
            Cli.run("export", "--data-dir", copyDir.toString(), "--config", copyKey, "--output", fromCopy.toString()).ok();
            assertThat(Json.MAPPER.readTree(Files.readString(fromCopy)).get("tenants").get(0).get("settings").get("mail")
                    .get("password").asString()).isEqualTo(ACME_SMTP_PASSWORD);

            // the target's server starts with key B and uses the passwords: the directory takes its bind password
            try (FrontdeskServer target = FrontdeskServer.start(TestServer.configBuilder(targetDir).build(),
                    Clock.systemUTC(), new PrintStream(OutputStream.nullOutputStream()))) {
                String base = "http://127.0.0.1:" + target.port();
                assertThat(target.core().tenants().require("acme").settings().mail().password())
                        .isEqualTo(ACME_SMTP_PASSWORD);
                JsonNode acme = new AdminClient(base, TestServer.ADMIN_PASSWORD).ok("GET", "/tenants/acme", null);
                assertThat(acme.get("settings").get("mail").get("passwordSet").asBoolean()).isTrue();
                assertThat(acme.toString()).doesNotContain(ACME_SMTP_PASSWORD, "sealed:v1:");
                assertThat(agentLogin(base)).isTrue();
                // and an import through the running server finds everything unchanged
                assertThat(Cli.run("import", export.toString(), "--data-dir", targetDir.toString(), "--config",
                        targetKey).ok().out()).containsPattern("tenants:\\s+0 created\\s+0 updated\\s+2 unchanged");
            }
        } finally {
            directory.shutDown(true);
        }
    }

    @Test
    void importWhenAdministratorsAreInvalidThenNothingIsWrittenAndEachProblemIsReported() throws Exception {
        Path target = files.resolve("data");
        String hash = "{bcrypt}" + BCrypt.hashpw("admin password 1", BCrypt.gensalt(4));
        Path bad = files.resolve("bad-admins.json");
        Files.writeString(bad, Json.write(Map.of("format", "frontdesk-export", "version", 1,
                "tenants", List.of(tenant("acme", null)),
                "administrators", List.of(
                        administrator("eve", "superuser", List.of(), hash),
                        administrator("scoped", "tenant-admin", List.of("nowhere"), hash),
                        administrator("Bob", "auditor", List.of(), hash),
                        administrator("bob", "helpdesk", List.of(), hash),
                        administrator("plain", "auditor", List.of(), "plain text password"),
                        administrator("admin", "auditor", List.of(), hash),
                        administrator("fine", "tenant-admin", List.of("acme"), hash)),
                "adminClients", List.of(Map.of("clientId", "ghost", "role", "owner")))));
        Cli refused = Cli.run("import", bad.toString(), "--data-dir", target.toString());

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("nothing was written",
                "administrators[0] eve: role must be one of owner, tenant-admin, helpdesk, auditor",
                "administrators[1] scoped: tenant scope names tenant nowhere, in neither the file nor the store",
                "administrators[3] bob: administrator appears twice",
                "administrators[4] plain: passwordHash is not in a supported form",
                "administrators[5] admin: the bootstrap administrator is always an owner",
                "adminClients[0] ghost: no client ghost in tenant default");
        assertThat(refused.out()).doesNotContain("plain text password", "administrators[6]");
        Path after = files.resolve("after.json");
        Cli.run("export", "--data-dir", target.toString(), "--output", after.toString()).ok();
        JsonNode state = Json.MAPPER.readTree(Files.readString(after));
        assertThat(state.get("administrators")).isEmpty();
        assertThat(state.get("tenants").findValuesAsString("id")).doesNotContain("acme");

        Path good = files.resolve("good-admins.json");
        Files.writeString(good, Json.write(Map.of("format", "frontdesk-export", "version", 1,
                "tenants", List.of(tenant("acme", null)),
                "administrators", List.of(administrator("fine", "tenant-admin", List.of("acme"), hash)))));
        Cli.run("import", good.toString(), "--data-dir", target.toString()).ok();
        Path promoted = files.resolve("promoted.json");
        Files.writeString(promoted, Json.write(Map.of("format", "frontdesk-export", "version", 1,
                "administrators", List.of(administrator("FINE", "auditor", List.of(), hash)))));
        Cli changed = Cli.run("import", promoted.toString(), "--data-dir", target.toString()).ok();
        assertThat(changed.out()).containsPattern("administrators:\\s+0 created\\s+1 updated\\s+0 unchanged");
        Cli.run("export", "--data-dir", target.toString(), "--output", after.toString()).ok();
        JsonNode fine = Json.MAPPER.readTree(Files.readString(after)).get("administrators").get(0);
        assertThat(fine.get("name").asString()).isEqualTo("fine");
        assertThat(fine.get("role").asString()).isEqualTo("auditor");
        assertThat(fine.get("tenants")).isEmpty();
    }

    @Test
    void importWhenRecordsAreInvalidOrConflictThenNothingIsWrittenAndEachProblemIsReported() throws Exception {
        Path target = files.resolve("data");
        Path first = files.resolve("first.json");
        Files.writeString(first, document(List.of(tenant("acme", "acme.example.com")), List.of(
                account("acme", "00000000-0000-7000-8000-000000000001", "alice", "{bcrypt}" + BCrypt.hashpw("x", BCrypt.gensalt(4)))),
                List.of()));
        Cli.run("import", first.toString(), "--data-dir", target.toString()).ok();

        Path bad = files.resolve("bad.json");
        Files.writeString(bad, document(List.of(tenant("beta", "acme.example.com"), tenant("gamma", null)), List.of(
                account("gamma", "00000000-0000-7000-8000-000000000002", "bob", "plain text password"),
                account("gamma", "00000000-0000-7000-8000-000000000003", "carol", null),
                account("gamma", "00000000-0000-7000-8000-000000000004", "CAROL", null),
                account("nowhere", "00000000-0000-7000-8000-000000000005", "dave", null),
                account("gamma", "00000000-0000-7000-8000-000000000001", "erin", null)),
                List.of(Map.of("tenant", "nowhere", "pathPrefix", "/api/**"))));
        Cli refused = Cli.run("import", bad.toString(), "--data-dir", target.toString());

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("nothing was written",
                "host acme.example.com belongs to tenant acme",
                "accounts[0] gamma/bob: passwordHash is not in a supported form",
                "accounts[2] gamma/CAROL: user name appears twice",
                "accounts[3] nowhere/dave: unknown tenant nowhere",
                "accounts[4] gamma/erin: account ID 00000000-0000-7000-8000-000000000001 already belongs to account acme/alice",
                "gatewayRules[0]: unknown tenant nowhere");
        assertThat(refused.out()).doesNotContain("plain text password");
        Path after = files.resolve("after.json");
        Cli.run("export", "--data-dir", target.toString(), "--output", after.toString()).ok();
        JsonNode state = Json.MAPPER.readTree(Files.readString(after));
        assertThat(state.get("tenants").findValuesAsString("id")).containsExactly("acme", "default");
        assertThat(state.get("accounts")).hasSize(1);
    }

    @Test
    void importWhenAdministratorHasSecondFactorsThenTheyAreAddedNeverTakenAwayAndCountersOnlyMoveForward()
            throws Exception {
        Path target = files.resolve("data");
        String hash = "{bcrypt}" + BCrypt.hashpw("admin password 1", BCrypt.gensalt(4));
        String key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        String code1 = "1".repeat(64);
        String code2 = "2".repeat(64);
        Map<String, Object> pat = new java.util.HashMap<>(administrator("pat", "owner", List.of(), hash));
        pat.putAll(Map.of("totpSecret", key, "totpLastStep", 100, "recoveryCodeHashes", List.of(code1, code2),
                "passkeys", List.of(passkey("cred-1", 5))));
        importAdministrators(target, pat).ok();

        // no TOTP key, no codes, an older counter and a new passkey: the passkey is added, nothing taken away
        Map<String, Object> patLater = new java.util.HashMap<>(administrator("pat", "owner", List.of(), hash));
        patLater.put("passkeys", List.of(passkey("cred-1", 3), passkey("cred-2", 0)));
        Cli added = importAdministrators(target, patLater).ok();
        assertThat(added.out()).containsPattern("administrators:\\s+0 created\\s+1 updated")
                .contains("1 passkey(s) arrive");
        JsonNode stored = exportedAdministrators(target).get(0);
        assertThat(stored.get("totpSecret").asString()).isEqualTo(key);
        assertThat(stored.get("totpLastStep").asLong()).isEqualTo(100);
        assertThat(stored.get("recoveryCodeHashes").valueStream().map(JsonNode::asString)).containsExactly(code1, code2);
        assertThat(stored.get("passkeys").findValuesAsString("credentialId")).containsExactly("cred-1", "cred-2");
        assertThat(stored.get("passkeys").get(0).get("signCount").asLong()).isEqualTo(5);
        assertThat(importAdministrators(target, patLater).ok().out())
                .containsPattern("administrators:\\s+0 created\\s+0 updated\\s+1 unchanged");

        // another TOTP key is another enrolment: its recovery codes come with it
        Map<String, Object> rekeyed = new java.util.HashMap<>(administrator("pat", "owner", List.of(), hash));
        rekeyed.putAll(Map.of("totpSecret", "KRUGS4ZANFZSAYJAORSXG5BAORXXI4DA", "totpLastStep", 50,
                "recoveryCodeHashes", List.of(code1)));
        assertThat(importAdministrators(target, rekeyed).ok().out()).contains("1 administrator(s) get another TOTP key");
        stored = exportedAdministrators(target).get(0);
        assertThat(stored.get("totpLastStep").asLong()).isEqualTo(100);
        assertThat(stored.get("recoveryCodeHashes").valueStream().map(JsonNode::asString)).containsExactly(code1);

        Map<String, Object> quinn = new java.util.HashMap<>(administrator("quinn", "auditor", List.of(), hash));
        quinn.put("passkeys", List.of(passkey("cred-2", 9)));
        Cli refused = importAdministrators(target, quinn);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("administrators[0] quinn: passkey cred-2 already belongs to administrator pat");
        assertThat(exportedAdministrators(target).findValuesAsString("name")).containsExactly("pat");
    }

    @Test
    void importWhenFileIsNotAnExportThenItSaysSoAndWritesNothing() throws Exception {
        Path file = files.resolve("other.json");
        Files.writeString(file, "{\"format\":\"something-else\",\"version\":1}");
        Cli refused = Cli.run("import", file.toString(), "--data-dir", files.resolve("data").toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("not a Frontdesk export");

        Files.writeString(file, "{\"format\":\"frontdesk-export\",\"version\":1,\"accounts\":[{\"nickname\":\"x\"}]}");
        Cli unreadable = Cli.run("import", file.toString(), "--data-dir", files.resolve("data").toString());
        assertThat(unreadable.exit()).isEqualTo(2);
        assertThat(unreadable.err()).contains("is not a valid export", "nickname");
    }

    /** An administrator with TOTP: its key as the authenticator app holds it, and its recovery codes. */
    private record Enrolled(String secret, List<String> recoveryCodes) {
    }

    private static Enrolled arrange(TestServer source) throws Exception {
        var admin = source.admin();
        admin.ok("PUT", "/tenants/acme", Map.of("hosts", List.of("acme.example.com"),
                "settings", Map.of("maxSessionsPerAccount", 3, "corsAllowedOrigins", List.of("https://acme.example.com"),
                        "mail", mail(ACME_SMTP_PASSWORD))));
        admin.ok("PUT", "/tenants/empty", Map.of("hosts", List.of()));
        admin.ok("PUT", "/tenants/acme/gateway/rules", List.of(
                Map.of("pathPrefix", "/f/webapp-api-admin", "accessRights", List.of("admin")),
                Map.of("pathPrefix", "/ws/*/interaction/**", "channels", List.of("egain"), "methods", List.of("GET"))));
        admin.createAgent("kbagent1", "kb-password-1");
        admin.ok("POST", "/tenants/default/accounts", Map.of("username", "customer1", "password", "Larch-meadow-42",
                "type", "customer", "email", "Customer1@Example.com", "firstName", "Cus", "lastName", "Tomer",
                "idleTimeoutSeconds", 600, "accessRights", List.of("kb.read"), "segments", List.of("gold"),
                "properties", Map.of("crmId", "C-1")));
        admin.ok("POST", "/tenants/default/accounts", Map.of("username", "legacy1", "type", "customer",
                "passwordHash", "{bcrypt}" + BCrypt.hashpw("legacy password", BCrypt.gensalt(4))));
        admin.ok("POST", "/tenants/default/accounts", Map.of("username", "retired1", "password", "retired-password-1",
                "type", "agent", "enabled", false));
        String acmeAgent = admin.createAccount("acme", "Agent.Smith", "acme-password-1", "agent");
        admin.createClient("default", "flow-1", "client-secret-1");
        admin.createClient("acme", "acme-flow", "client-secret-2");
        admin.ok("POST", "/tenants/default/clients", Map.of("clientId", "robot", "clientSecret", "robot-secret-1",
                "adminRole", "tenant-admin", "tenants", List.of("acme")));
        admin.createAdministrator(source.baseUrl(), "acme-ops", "acme-ops-password-1", "tenant-admin", List.of("acme"));
        AdminClient tara = admin.createAdministrator(source.baseUrl(), "tara", "tara-password-12", "helpdesk", null);
        String secret = tara.ok("POST", "/me/totp", null).get("secret").asString();
        List<String> codes = tara.ok("PUT", "/me/totp", Map.of("code", TotpCodes.at(secret, Instant.now())))
                .get("recoveryCodes").valueStream().map(JsonNode::asString).toList();
        try (Database database = Database.embeddedOrRunning(source.dataDir())) {
            new JdbcOpenIdLinkStore(database.jdbi()).save(new OpenIdLink("acme", "https://accounts.example.com",
                    "subject-1", "Example", acmeAgent, "a".repeat(64), Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO server_secrets (name, secret_hash) VALUES ('admin', :h)")
                    .bind("h", ADMIN_HASH).execute());
        }
        return new Enrolled(secret, codes);
    }

    /** A directory with the service account Frontdesk binds as and one agent. */
    private static InMemoryDirectoryServer directory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getByName("127.0.0.1"), 0, null));
        config.addAdditionalBindCredentials("cn=Directory Manager", LDAP_BIND_PASSWORD);
        InMemoryDirectoryServer directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=com", "objectClass: top", "objectClass: domain", "dc: example");
        directory.add("dn: " + AGENTS, "objectClass: top", "objectClass: organizationalUnit", "ou: agents");
        directory.add("dn: uid=amy," + AGENTS, "objectClass: inetOrgPerson", "uid: amy", "cn: Amy Adams",
                "givenName: Amy", "sn: Adams", "mail: amy@example.com", "userPassword: directory pw 1");
        directory.startListening();
        return directory;
    }

    /** iService's agentlogin on the default tenant: the directory is searched as the service account first. */
    private static boolean agentLogin(String base) {
        HttpResponse<String> response = Http.withCookies().post(base + "/f/webapp-api-login?api=agentlogin",
                "application/x-www-form-urlencoded", "userName=amy%40example.com&Password=directory+pw+1");
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body()).get("loggedIn").get("isLoggedIn").asBoolean();
    }

    /** The settings column of {@code tenant} in an embedded store no server has open, as stored. */
    private static String embeddedSettingsRow(Path dataDir, String tenant) {
        try (Database database = Database.embeddedOrRunning(dataDir)) {
            return database.jdbi().withHandle(h -> h.createQuery("SELECT settings FROM tenants WHERE id = :id")
                    .bind("id", tenant).mapTo(String.class).one());
        }
    }

    /** A YAML configuration naming {@code keyFile} as the secret key, after {@code more} (other settings). */
    private String keyConfig(String name, String keyFile, String more) throws Exception {
        return Files.writeString(files.resolve(name), more + "secretKeyFile: " + keyFile + "\n").toString();
    }

    private static Map<String, Object> mail(String password) {
        return Map.of("host", "127.0.0.1", "port", 2525, "from", "portal@example.com", "startTls", false,
                "username", "relay", "password", password);
    }

    /** The settings column of {@code tenant} in a PostgreSQL database, as stored. */
    private static String settingsRow(String url, String tenant) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(url, BackingServices.POSTGRES_USER, "");
             var select = c.prepareStatement("SELECT settings FROM tenants WHERE id = ?")) {
            select.setString(1, tenant);
            try (var rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static HttpResponse<String> consoleSignIn(String base, String username, String password, String code) {
        return Http.plain().post(base + "/console/api/session", "application/json",
                Json.write(Map.of("username", username, "password", password, "code", code)));
    }

    private Cli importAdministrators(Path target, Map<String, Object> administrator) throws Exception {
        Path file = Files.createTempFile(files, "administrators", ".json");
        Files.writeString(file, Json.write(Map.of("format", "frontdesk-export", "version", 1,
                "administrators", List.of(administrator))));
        return Cli.run("import", file.toString(), "--data-dir", target.toString());
    }

    private JsonNode exportedAdministrators(Path target) throws Exception {
        Path file = Files.createTempFile(files, "export", ".json");
        Cli.run("export", "--data-dir", target.toString(), "--output", file.toString()).ok();
        return Json.MAPPER.readTree(Files.readString(file)).get("administrators");
    }

    private static Map<String, Object> passkey(String credentialId, long signCount) {
        return Map.of("credentialId", credentialId, "material", "AAAA" + credentialId.replace("-", ""),
                "signCount", signCount, "createdAt", "2024-01-02T03:04:05Z");
    }

    private static Map<String, Object> administrator(String name, String role, List<String> tenants, String hash) {
        return Map.of("name", name, "role", role, "tenants", tenants, "passwordHash", hash,
                "createdAt", "2024-01-02T03:04:05Z");
    }

    private static JsonNode withoutTime(String export) {
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(export);
        tree.remove("exportedAt");
        return tree;
    }

    private static String document(List<Map<String, Object>> tenants, List<Map<String, Object>> accounts,
                                   List<Map<String, Object>> gatewayRules) {
        return Json.write(Map.of("format", "frontdesk-export", "version", 1, "tenants", tenants, "accounts", accounts,
                "gatewayRules", gatewayRules));
    }

    private static Map<String, Object> tenant(String id, String host) {
        return Map.of("id", id, "hosts", host == null ? List.of() : List.of(host));
    }

    private static Map<String, Object> account(String tenant, String id, String username, String hash) {
        var account = new java.util.HashMap<String, Object>(Map.of("tenant", tenant, "id", id, "username", username,
                "type", "customer", "enabled", true, "createdAt", "2024-01-02T03:04:05Z"));
        account.put("passwordHash", hash);
        return account;
    }
}
