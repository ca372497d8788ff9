package dev.frontdesk.core.credential;

import dev.frontdesk.core.support.Secrets;
import java.util.concurrent.CompletableFuture;

/**
 * A hash of a random secret, made with the current parameters, to verify against when there is no
 * real hash (unknown user or client), so that case costs exactly as much as a wrong password. It is
 * computed in the background so start-up does not wait for an Argon2 run.
 */
public final class DummyHash {
    private final CompletableFuture<String> value;

    public DummyHash(PasswordHasher hasher) {
        this.value = CompletableFuture.supplyAsync(() -> hasher.hash(Secrets.strong().newSecret()),
                command -> Thread.ofVirtual().name("dummy-hash").start(command));
    }

    public String value() {
        return value.join();
    }
}
