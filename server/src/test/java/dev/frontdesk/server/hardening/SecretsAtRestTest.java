package dev.frontdesk.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.tenant.MailSettings;
import dev.frontdesk.server.cli.FrontdeskCommand;
import dev.frontdesk.server.testing.BackingServices;
import dev.frontdesk.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 14, finding 3: the SMTP and LDAP passwords a tenant's settings hold are sealed (AES-256-GCM) with
 * a key that is not in the database: neither the embedded database's files nor a PostgreSQL row holds
 * them; values stored in clear before are sealed at start; the key can be rotated by command.
 */
class SecretsAtRestTest {
    private static final String SMTP_PASSWORD = "smtp-relay-password-in-clear";
    private static final String LDAP_PASSWORD = "ldap-bind-password-in-clear";

    private static Map<String, Object> secrets() {
        return Map.of(
                "mail", Map.of("host", "127.0.0.1", "port", 2525, "from", "portal@example.com", "startTls", false,
                        "username", "relay", "password", SMTP_PASSWORD),
                "ldap", Map.of("url", "ldap://127.0.0.1:3389", "bindDnPattern", "uid={username},ou=people,dc=example,dc=com",
                        "bindDn", "cn=frontdesk,dc=example,dc=com", "bindPassword", LDAP_PASSWORD));
    }

    private static String filesOf(Path dir) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private static String dump(Path dataDir) throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("frontdesk"),
                "sa", ""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SCRIPT")) {
            while (rs.next()) {
                dump.append(rs.getString(1)).append('\n');
            }
        }
        return dump.toString();
    }

    private static String settingsRow(Path dataDir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("frontdesk"),
                "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT settings FROM tenants WHERE id = 'default'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void setSettingsRow(Path dataDir, String settings) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("frontdesk"),
                "sa", ""); var update = c.prepareStatement("UPDATE tenants SET settings = ? WHERE id = 'default'")) {
            update.setString(1, settings);
            update.executeUpdate();
        }
    }

    @Test
    void embeddedWhenSmtpAndLdapPasswordsSavedThenNeitherDatabaseFilesNorDumpHoldThem() throws Exception {
        Path dataDir;
        try (TestServer server = TestServer.start()) {
            server.admin().patchSettings("default", secrets());
            MailSettings mail = server.server().core().tenants().require("default").settings().mail();
            assertThat(mail.password()).isEqualTo(SMTP_PASSWORD);
            dataDir = server.dataDir();
        }
        assertThat(filesOf(dataDir)).doesNotContain(SMTP_PASSWORD).doesNotContain(LDAP_PASSWORD);
        assertThat(dump(dataDir)).doesNotContain(SMTP_PASSWORD).doesNotContain(LDAP_PASSWORD).contains("sealed:v1:");
        Path key = Path.of(TestServer.keyFile(dataDir));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void postgresWhenSmtpAndLdapPasswordsSavedThenTheRowDoesNotHoldThem() throws Exception {
        BackingServices.requirePostgres();
        String url = BackingServices.freshPostgresDatabase();
        try (TestServer server = TestServer.start(Map.of("dbUrl", url, "dbUser", BackingServices.POSTGRES_USER))) {
            server.admin().patchSettings("default", secrets());
        }
        try (Connection c = DriverManager.getConnection(url, BackingServices.POSTGRES_USER, "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, hosts, settings FROM tenants")) {
            StringBuilder rows = new StringBuilder();
            while (rs.next()) {
                rows.append(rs.getString(1)).append(rs.getString(2)).append(rs.getString(3));
            }
            assertThat(rows.toString()).contains("sealed:v1:").doesNotContain(SMTP_PASSWORD).doesNotContain(LDAP_PASSWORD);
        }
    }

    @Test
    void clearValueFromAnOlderVersionThenStillUsedAndSealedAtStart() throws Exception {
        Path dataDir;
        try (TestServer server = TestServer.start()) {
            server.admin().patchSettings("default", secrets());
            dataDir = server.dataDir();
        }
        String sealed = settingsRow(dataDir);
        String clear = sealed.replaceAll("\"password\":\"sealed:v1:[^\"]+\"", "\"password\":\"" + SMTP_PASSWORD + "\"");
        setSettingsRow(dataDir, clear);
        assertThat(settingsRow(dataDir)).contains(SMTP_PASSWORD);

        try (var server = dev.frontdesk.server.FrontdeskServer.start(TestServer.config(dataDir, java.util.List.of()),
                java.time.Clock.systemUTC(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))) {
            assertThat(server.core().tenants().require("default").settings().mail().password()).isEqualTo(SMTP_PASSWORD);
        }
        assertThat(settingsRow(dataDir)).doesNotContain(SMTP_PASSWORD).contains("sealed:v1:");
    }

    @Test
    void rotateSecretKeyThenNewKeyFileAndSecretsStillOpen() throws Exception {
        Path dataDir;
        try (TestServer server = TestServer.start()) {
            server.admin().patchSettings("default", secrets());
            dataDir = server.dataDir();
        }
        Path key = Path.of(TestServer.keyFile(dataDir));
        String oldKey = Files.readString(key);
        String before = settingsRow(dataDir);
        Path config = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + ".yaml"),
                "secretKeyFile: " + key + "\n");

        int code = new CommandLine(new FrontdeskCommand()).execute("rotate-secret-key", "--data-dir", dataDir.toString(),
                "--config", config.toString());

        assertThat(code).isZero();
        assertThat(Files.readString(key)).isNotEqualTo(oldKey);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        String after = settingsRow(dataDir);
        assertThat(after).contains("sealed:v1:").isNotEqualTo(before).doesNotContain(SMTP_PASSWORD);
        try (var server = dev.frontdesk.server.FrontdeskServer.start(TestServer.config(dataDir, java.util.List.of()),
                java.time.Clock.systemUTC(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))) {
            var settings = server.core().tenants().require("default").settings();
            assertThat(settings.mail().password()).isEqualTo(SMTP_PASSWORD);
            assertThat(settings.ldap().bindPassword()).isEqualTo(LDAP_PASSWORD);
        }
    }
}
