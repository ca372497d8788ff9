package dev.frontdesk.core.support;

import java.util.UUID;

/** Creates identifiers for stored records (not secrets: these may appear in URLs and logs). */
@FunctionalInterface
public interface IdGenerator {
    String newId();

    static IdGenerator randomUuids() {
        return () -> UUID.randomUUID().toString();
    }
}
