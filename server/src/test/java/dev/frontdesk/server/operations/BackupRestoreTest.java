package dev.frontdesk.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.AdminClient;
import dev.frontdesk.server.testing.NativeClient;
import dev.frontdesk.server.testing.ServerProcess;
import dev.frontdesk.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frontdesk backup} against a server (its own JVM) that keeps creating accounts and logging users
 * in, then {@code frontdesk restore} into a new data directory and a server started on it: every account
 * and client that existed when the backup began is there and works; sessions are not brought back.
 */
class BackupRestoreTest {
    @TempDir
    Path files;

    @Test
    void backupWhenServerIsUnderLoadThenRestoredServerHasEveryAccountAndClient() throws Exception {
        Path live = files.resolve("live");
        Path backups = files.resolve("backups");
        List<String> presentAtBackup;
        String oldSession;
        ServerProcess server = ServerProcess.start(live);
        try {
            AdminClient admin = server.admin();
            for (int i = 0; i < 10; i++) {
                admin.createCustomer("customer" + i, "customer-password-" + i);
            }
            for (int i = 0; i < 3; i++) {
                admin.createClient("default", "app-" + i, "app-secret-" + i);
            }
            oldSession = server.api().loginOk("customer0", "customer-password-0");
            Cli.awaitEndpoint(live);

            AtomicBoolean stop = new AtomicBoolean();
            List<String> created = new CopyOnWriteArrayList<>();
            Thread creator = Thread.ofPlatform().start(() -> {
                for (int n = 0; n < 400 && !stop.get(); n++) {
                    if (admin.call("POST", "/tenants/default/accounts", Map.of("username", "load" + n,
                            "password", "load-password-" + n, "type", "agent")).statusCode() == 201) {
                        created.add("load" + n);
                    }
                }
            });
            Thread logins = Thread.ofPlatform().start(() -> {
                NativeClient api = server.api();
                for (int n = 0; !stop.get(); n++) {
                    api.logout(api.loginOk("customer" + (1 + n % 9), "customer-password-" + (1 + n % 9)));
                }
            });
            while (created.size() < 5) {
                Thread.sleep(20);
            }
            presentAtBackup = new ArrayList<>(created);
            Cli backup = Cli.run("backup", "--data-dir", live.toString(), "--to", backups.toString()).ok();
            assertThat(backup.out()).contains("backup written: " + backups.toAbsolutePath());
            stop.set(true);
            creator.join();
            logins.join();
        } finally {
            server.process().destroy();
            server.process().waitFor(60, TimeUnit.SECONDS);
        }
        Path zip;
        try (Stream<Path> list = Files.list(backups)) {
            zip = list.filter(p -> p.getFileName().toString().matches("frontdesk-\\d{8}-\\d{6}\\.zip")).findFirst().orElseThrow();
        }

        Path restored = files.resolve("restored");
        Cli restore = Cli.run("restore", "--from", zip.toString(), "--data-dir", restored.toString()).ok();
        assertThat(restore.out()).containsPattern("restored 1 tenants, \\d+ accounts, 3 clients");

        ServerProcess again = ServerProcess.start(restored);
        try {
            NativeClient api = again.api();
            assertThat(api.sessionStatus(oldSession)).isEqualTo(401);
            for (int i = 0; i < 10; i++) {
                assertThat(api.login("customer" + i, "customer-password-" + i, false).statusCode()).as("customer" + i)
                        .isEqualTo(201);
            }
            for (String name : presentAtBackup) {
                assertThat(api.login(name, "load-password-" + name.substring(4), false).statusCode()).as(name)
                        .isEqualTo(201);
            }
            for (int i = 0; i < 3; i++) {
                assertThat(Cli.token(again.baseUrl(), "app-" + i, "app-secret-" + i).statusCode()).as("app-" + i)
                        .isEqualTo(200);
            }
        } finally {
            again.process().destroy();
            again.process().waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void restoreWhenServerIsRunningThenItRefusesAndTheServerKeepsItsData() throws Exception {
        try (TestServer server = TestServer.start()) {
            server.admin().createCustomer("kept", "kept-password-1");
            Cli.awaitEndpoint(server.dataDir());
            Path backups = files.resolve("b");
            Cli.run("backup", "--data-dir", server.dataDir().toString(), "--to", backups.toString()).ok();
            Path zip;
            try (Stream<Path> list = Files.list(backups)) {
                zip = list.findFirst().orElseThrow();
            }
            Cli refused = Cli.run("restore", "--from", zip.toString(), "--data-dir", server.dataDir().toString());
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("is in use: stop the server before a restore");
            assertThat(new NativeClient(server.baseUrl()).login("kept", "kept-password-1", false).statusCode())
                    .isEqualTo(201);
        }
    }

    @Test
    void backupWhenStoreIsPostgresThenItPointsToPgDump() {
        Cli refused = Cli.run("backup", "--db-url", "jdbc:postgresql://127.0.0.1:1/none", "--to",
                files.resolve("x").toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("pg_dump");
    }
}
