package dev.frontdesk.server.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads export files. Not {@code Json.MAPPER}: that one bounds documents to what a request body may
 * be, and an export of a large user base is far larger; it is as strict about unknown fields and nulls.
 */
public final class TransferFiles {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private TransferFiles() {
    }

    /** @throws IllegalArgumentException when the file is not a readable export document */
    public static TransferDocument read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return MAPPER.readValue(in, TransferDocument.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not a valid export: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
    }
}
