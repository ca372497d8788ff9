package dev.frontdesk.server.transfer;

import dev.frontdesk.server.store.jdbc.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Backup and restore of the embedded store. A backup is H2's {@code BACKUP TO}: a zip of the database
 * file, transactionally consistent while the server keeps writing (H2 copies a snapshot under MVCC),
 * written by the process that holds the database (the running server, reached through its operations
 * endpoint, or this command), so the target directory is one on this machine.
 *
 * <p>A restore replaces the database file while no server runs. It then deletes the sessions, access
 * tokens and reset codes the backup holds: they were live when the backup was taken, and some have
 * been ended since; bringing an ended session back would break the rule that it never returns. Users
 * and clients log in again.
 */
public final class Backups {
    private static final String FILE = Database.EMBEDDED_NAME + ".mv.db";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private Backups() {
    }

    /** Writes {@code frontdesk-<UTC time>.zip} into {@code directory} and returns its path. */
    public static Path backup(Database database, Path directory, Clock clock) {
        if (!database.isEmbedded()) {
            throw new IllegalArgumentException("backup is for the embedded store; for PostgreSQL use pg_dump (see README)");
        }
        Path target = directory.toAbsolutePath().normalize().resolve("frontdesk-" + STAMP.format(clock.instant()) + ".zip");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " exists already");
        }
        database.jdbi().useHandle(h -> h.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'"));
        return target;
    }

    /** What a restore found in the restored database. */
    public record Restored(Path previous, long tenants, long accounts, long clients, long endedSessions) {
        Restored withPrevious(Path file) {
            return new Restored(file, tenants, accounts, clients, endedSessions);
        }
    }

    /**
     * Restores {@code backup} into {@code dataDir}; a database already there is kept beside it as
     * {@code frontdesk.mv.db.before-restore-<UTC time>}.
     */
    public static Restored restore(Path backup, Path dataDir, Clock clock) {
        try {
            Files.createDirectories(dataDir);
            Path current = dataDir.resolve(FILE);
            Path previous = null;
            try (ZipFile zip = new ZipFile(backup.toFile())) {
                ZipEntry entry = zip.getEntry(FILE);
                if (entry == null) {
                    throw new IllegalArgumentException(backup + " is not a Frontdesk backup (it has no " + FILE + ")");
                }
                if (Files.exists(current)) {
                    requireUnused(current);
                    previous = dataDir.resolve(FILE + ".before-restore-" + STAMP.format(clock.instant()));
                    Files.move(current, previous);
                }
                Path partial = dataDir.resolve(FILE + ".restoring");
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, current, StandardCopyOption.ATOMIC_MOVE);
            }
            try (Database database = Database.embedded(dataDir)) {
                return database.jdbi().inTransaction(h -> {
                    long sessions = h.createUpdate("DELETE FROM sessions").execute();
                    h.createUpdate("DELETE FROM access_tokens").execute();
                    h.createUpdate("DELETE FROM password_reset_codes").execute();
                    return new Restored(null, count(h, "tenants"), count(h, "accounts"), count(h, "clients"), sessions);
                }).withPrevious(previous);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("restore failed: " + e.getMessage(), e);
        }
    }

    private static long count(org.jdbi.v3.core.Handle h, String table) {
        return h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
    }

    /** Fails when a process (a running server) holds the database file: it must be stopped first. */
    private static void requireUnused(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException(file + " is in use: stop the server before a restore");
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException(file + " is in use: stop the server before a restore");
        }
    }
}
