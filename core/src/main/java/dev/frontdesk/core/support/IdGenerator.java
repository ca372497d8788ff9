package dev.frontdesk.core.support;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Creates identifiers for stored records (not secrets: these may appear in URLs and logs). */
@FunctionalInterface
public interface IdGenerator {
    String newId();

    static IdGenerator randomUuids() {
        return () -> UUID.randomUUID().toString();
    }

    /**
     * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. New records land at
     * the end of a B-tree index instead of on a random page, so a commit of many inserts (the audit trail)
     * rewrites one index page instead of one per row.
     */
    static IdGenerator timeOrdered(Clock clock) {
        return () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long mostSignificant = (clock.millis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
            long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
            return new UUID(mostSignificant, leastSignificant).toString();
        };
    }
}
