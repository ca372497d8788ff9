package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.audit.AuditEvent;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.support.StoreUnavailable;
import dev.frontdesk.server.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audit events the database could not take, kept on the local disk until it can: the trail may be
 * late, never lost. The file ({@code audit-spool.jsonl}, one JSON event per line) is append-only for
 * one writer thread, which appends what was handed in since its last turn and forces it to disk once
 * per batch (fsync). A second thread replays it, oldest first, a chunk per transaction, once a second
 * while it is not empty, and then drops the lines it stored (under the lock the writer takes to
 * append, so an append never waits for the database). Replay is idempotent by event ID (UUIDv7): a
 * crash between a committed chunk and dropping its lines, or a restart (the file is replayed at
 * start), stores each event exactly once. What is lost: events handed in but not yet forced when the
 * machine (not only the process) dies, at most one batch; and the file itself if the disk is lost.
 */
final class AuditSpool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditSpool.class);
    static final String FILE_NAME = "audit-spool.jsonl";
    private static final int MAX_BATCH = 1_024;
    private static final int REPLAY_CHUNK = 500;
    private static final long REPLAY_PAUSE_MILLIS = 1_000;

    record Line(String id, long at, String tenant, String type, String username, String channel, String clientIp,
                String actor, String detail) {
        static Line of(AuditEvent e) {
            return new Line(e.id(), e.at().toEpochMilli(), e.tenant(), e.type().name(), e.username(), e.channel(),
                    e.clientIp(), e.actor(), e.detail());
        }

        AuditEvent event() {
            return new AuditEvent(id, java.time.Instant.ofEpochMilli(at), tenant, AuditType.valueOf(type), username,
                    channel, clientIp, actor, detail);
        }
    }

    private final Path file;
    private final Consumer<List<AuditEvent>> replay;
    private final BlockingQueue<AuditEvent> handedIn = new LinkedBlockingQueue<>();
    private final AtomicLong pending = new AtomicLong();
    private final Object fileLock = new Object();
    private final Thread writer;
    private final Thread replayer;
    private volatile boolean open = true;
    private long onDisk; // guarded by fileLock
    private boolean outageLogged; // guarded by fileLock

    /**
     * @param replay stores one chunk of events, some of which may be stored already; throws
     *               {@link StoreUnavailable} when the database does not answer
     */
    AuditSpool(Path dir, Consumer<List<AuditEvent>> replay) {
        this.file = dir.resolve(FILE_NAME);
        this.replay = replay;
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    onDisk = lines.filter(l -> !l.isBlank()).count();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit spool " + file, e);
        }
        pending.set(onDisk);
        if (onDisk > 0) {
            LOG.warn("audit spool holds {} events from before the restart; replaying them", onDisk);
        }
        this.writer = Thread.ofPlatform().name("frontdesk-audit-spool").daemon(true).start(this::write);
        this.replayer = Thread.ofPlatform().name("frontdesk-audit-replay").daemon(true).start(this::replayLoop);
    }

    /** Keeps {@code event} for a later replay; returns at once (the spool thread writes it). */
    void add(AuditEvent event) {
        pending.incrementAndGet();
        handedIn.add(event);
    }

    /** Events not yet in the database: while this is above zero, new events queue behind them. */
    long pending() {
        return pending.get();
    }

    private void write() {
        List<AuditEvent> batch = new ArrayList<>();
        while (open || !handedIn.isEmpty()) {
            try {
                AuditEvent first = handedIn.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                handedIn.drainTo(batch, MAX_BATCH - 1);
                append(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                pending.addAndGet(-batch.size());
                LOG.error("audit spool: cannot write {} events to {}: {}", batch.size(), file, e.toString());
            }
            batch.clear();
        }
    }

    private void append(List<AuditEvent> batch) {
        StringBuilder text = new StringBuilder();
        for (AuditEvent event : batch) {
            text.append(Json.write(Line.of(event))).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        synchronized (fileLock) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            onDisk += batch.size();
            if (!outageLogged) {
                outageLogged = true;
                LOG.warn("audit events are being spooled to {} until the database answers again", file);
            }
        }
    }

    private void replayLoop() {
        while (open) {
            long lines;
            synchronized (fileLock) {
                lines = onDisk;
            }
            if (lines > 0) {
                replayFirst(lines);
            }
            try {
                Thread.sleep(lines > 0 ? REPLAY_PAUSE_MILLIS : 100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stores the first {@code lines} lines of the file, then drops them from it. */
    private void replayFirst(long lines) {
        long replayed = 0;
        long skipped = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<AuditEvent> chunk = new ArrayList<>(REPLAY_CHUNK);
            for (String line = reader.readLine(); line != null && replayed + skipped + chunk.size() < lines;
                 line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                AuditEvent event = readLine(line);
                if (event == null) {
                    skipped++;
                    continue;
                }
                chunk.add(event);
                if (chunk.size() == REPLAY_CHUNK) {
                    replay.accept(chunk);
                    replayed += chunk.size();
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                replay.accept(chunk);
                replayed += chunk.size();
            }
            drop(replayed + skipped);
            pending.addAndGet(-(replayed + skipped));
            LOG.info("audit spool: {} events replayed into the trail", replayed);
        } catch (StoreUnavailable e) {
            if (replayed > 0) {
                LOG.info("audit spool: {} of {} events replayed before the database went away again", replayed, lines);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("audit spool: replay failed, kept for a retry: {}", e.toString());
        }
    }

    /** Drops the first {@code lines} lines: an empty file when that is all, else the rest moved into place. */
    private void drop(long lines) throws IOException {
        synchronized (fileLock) {
            if (lines == onDisk) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(0);
                    channel.force(true);
                }
                outageLogged = false;
            } else {
                List<String> rest;
                try (var all = Files.lines(file, StandardCharsets.UTF_8)) {
                    rest = all.filter(l -> !l.isBlank()).skip(lines).toList();
                }
                Path next = file.resolveSibling(FILE_NAME + ".next");
                try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    channel.write(ByteBuffer.wrap((String.join("\n", rest) + "\n").getBytes(StandardCharsets.UTF_8)));
                    channel.force(true);
                }
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            onDisk -= lines;
        }
    }

    /** The event on {@code line}, or null for a line torn by a machine crash mid-write (logged, then dropped). */
    private AuditEvent readLine(String line) {
        try {
            return Json.MAPPER.readValue(line, Line.class).event();
        } catch (RuntimeException e) {
            LOG.error("audit spool: an unreadable line in {} ({} characters) is dropped: {}", file, line.length(),
                    e.getClass().getName());
            return null;
        }
    }

    /** Writes out what was handed in (it is replayed at the next start); does not wait for the database. */
    @Override
    public void close() {
        open = false;
        try { // never interrupted: an interrupt closes H2's file channel
            writer.join(5_000);
            replayer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
