package dev.frontdesk.core.credential;

import dev.frontdesk.core.support.Validation;

/** Argon2id cost parameters. */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism) {
    public Argon2Parameters {
        Validation.require(memoryKiB >= 1024, "argon2.memoryKiB", "argon2 memory must be at least 1024 KiB");
        Validation.require(iterations >= 1, "argon2.iterations", "argon2 iterations must be >= 1");
        Validation.require(parallelism >= 1, "argon2.parallelism", "argon2 parallelism must be >= 1");
    }

    /** OWASP Password Storage Cheat Sheet: m=19 MiB, t=2, p=1. */
    public static Argon2Parameters owasp() {
        return new Argon2Parameters(19 * 1024, 2, 1);
    }
}
