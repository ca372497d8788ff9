package dev.frontdesk.server.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.security.SecureRandom;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an operations command ({@code export}, {@code import}, {@code backup}) reaches the embedded
 * database while a server holds its file lock. H2's own {@code AUTO_SERVER} mode would do this, but it
 * refuses {@code DB_CLOSE_ON_EXIT=FALSE} (which lets the server finish its last writes in its own
 * shutdown hook) and listens on every interface; so the process that opens the file starts H2's TCP
 * server itself: on loopback only, refusing other hosts (no {@code -tcpAllowOthers}), serving only this
 * database and only to a client that names a random 128-bit key. Port and key go to
 * {@code frontdesk.endpoint} in the data directory, readable by its owner only: whoever can read that
 * file can read the database file anyway. A file left by a killed process names a port nobody answers
 * on, and the command then opens the database itself.
 */
final class OperationsEndpoint implements AutoCloseable {
    static final String FILE = "frontdesk.endpoint";
    private static final Logger LOG = LoggerFactory.getLogger(OperationsEndpoint.class);

    private final Path file;
    private final Thread opening;
    private volatile Server server;
    private volatile boolean closed;

    private OperationsEndpoint(Path file, String databaseName) {
        this.file = file;
        // started beside the server's own start-up: H2's TCP server and its management database take a
        // noticeable part of a second to load, and nothing on the request path needs them
        this.opening = Thread.ofPlatform().daemon(true).name("frontdesk-operations-endpoint")
                .start(() -> start(databaseName));
    }

    static OperationsEndpoint open(Path dataDir, String databaseName) {
        return new OperationsEndpoint(dataDir.toAbsolutePath().resolve(FILE), databaseName);
    }

    private void start(String databaseName) {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        Server started;
        try {
            started = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifExists", "-key", key, databaseName)
                    .start();
        } catch (SQLException e) {
            LOG.warn("operations endpoint not available ({}): export, import and backup need the server stopped",
                    e.getMessage());
            return;
        }
        synchronized (this) {
            if (closed) {
                started.stop();
                return;
            }
            server = started;
        }
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.write(file, List.of("port=" + started.getPort(), "key=" + key), StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            LOG.warn("cannot write {} ({}): export, import and backup need the server stopped", file, e.toString());
        }
    }

    /** The JDBC URL of a live endpoint for {@code dataDir}, if a running process has one. */
    static Optional<String> find(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String port = null;
        String key = null;
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("port=")) {
                    port = line.substring(5).trim();
                } else if (line.startsWith("key=")) {
                    key = line.substring(4).trim();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (port == null || key == null || !port.matches("\\d{1,5}") || !key.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)), 1_000);
        } catch (IOException e) {
            return Optional.empty(); // left by a process that is gone
        }
        return Optional.of("jdbc:h2:tcp://127.0.0.1:" + port + "/" + key);
    }

    @Override
    public void close() {
        try {
            opening.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Server running;
        synchronized (this) {
            closed = true;
            running = server;
        }
        if (running != null) {
            running.stop();
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file is harmless: find() checks that its port answers
        }
    }
}
