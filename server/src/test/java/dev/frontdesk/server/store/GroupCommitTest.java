package dev.frontdesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.store.jdbc.GroupCommit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes from many threads share transactions, yet each caller learns its own write's fate. */
class GroupCommitTest {
    @TempDir
    Path dataDir;
    Database database;

    @BeforeEach
    void open() {
        database = Database.embedded(dataDir);
        database.jdbi().useHandle(h -> h.execute("CREATE TABLE notes (id INT PRIMARY KEY)"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void concurrentWritersThenEveryWriteCommittedWhenRunReturns() throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int id = i;
                writers.add(threads.submit(() -> database.groupCommit().run(h -> insert(h, id))));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }

        assertThat(count()).isEqualTo(500);
    }

    @Test
    void oneFailingWriteThenOnlyItsCallerFailsAndTheOthersCommit() {
        database.groupCommit().run(h -> insert(h, 1));
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int id : new int[] {2, 1, 3}) {
            writes.add(database.groupCommit().submit(h -> insert(h, id)));
        }

        GroupCommit.await(writes.get(0));
        assertThatThrownBy(() -> GroupCommit.await(writes.get(1))).isInstanceOf(UnableToExecuteStatementException.class);
        GroupCommit.await(writes.get(2));
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void closedThenQueuedWritesAreCommittedAndLaterOnesRunOnTheCaller() {
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int id = i;
            queued.add(database.groupCommit().submit(h -> insert(h, id)));
        }
        database.groupCommit().close();
        database.groupCommit().run(h -> insert(h, 1000));

        queued.forEach(GroupCommit::await);
        assertThat(count()).isEqualTo(101);
    }

    private static void insert(org.jdbi.v3.core.Handle h, int id) {
        h.createUpdate("INSERT INTO notes (id) VALUES (:id)").bind("id", id).execute();
    }

    private int count() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM notes").mapTo(Integer.class).one());
    }
}
