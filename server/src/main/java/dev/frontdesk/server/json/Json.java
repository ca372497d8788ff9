package dev.frontdesk.server.json;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper: strict (unknown properties and wrong types are errors) and bounded (nesting
 * depth, string and number lengths), because every JSON body comes from the network. A key that appears
 * twice in one object is an error too: "last one wins" would let {@code {"username":"nobody",
 * "username":"alice"}} mean one user to a proxy or WAF that reads the first key and another to us.
 */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32)
                            .maxStringLength(1_000_000)
                            .maxNumberLength(64)
                            .maxDocumentLength(2_000_000)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // a number or boolean where text is expected is a client mistake, not something to coerce
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .build();

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private Json() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static byte[] bytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /**
     * One JSON object written field by field through the mapper's generator (escaping and encoding as
     * {@link #bytes}), for hot paths: no intermediate map and no serializer lookup per value.
     */
    public static byte[] object(Consumer<JsonGenerator> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartObject();
            fields.accept(json);
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    public static List<String> readStrings(String json) {
        return json == null || json.isEmpty() ? List.of() : MAPPER.readValue(json, STRINGS);
    }

    public static Map<String, String> readStringMap(String json) {
        return json == null || json.isEmpty() ? Map.of() : MAPPER.readValue(json, STRING_MAP);
    }
}
