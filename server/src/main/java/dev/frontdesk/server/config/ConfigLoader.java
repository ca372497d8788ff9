package dev.frontdesk.server.config;

import dev.frontdesk.server.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Builds a {@link ServerConfig} from defaults, then the YAML file, then {@code FRONTDESK_*}
 * environment variables, then explicit overrides (command-line flags). List values in the
 * environment are comma-separated.
 */
public final class ConfigLoader {
    /** Loaded only when a file is given: the YAML parser is a noticeable part of start-up otherwise. */
    private static final class Yaml {
        static final YAMLMapper MAPPER = YAMLMapper.builder().build();
    }

    private ConfigLoader() {
    }

    public static ServerConfig load(Path yamlFile, Map<String, String> environment, Map<String, Object> overrides) {
        ObjectNode tree = Json.MAPPER.valueToTree(ServerConfig.defaults());
        if (yamlFile != null) {
            try {
                JsonNode file = Yaml.MAPPER.readTree(Files.readString(yamlFile));
                if (file != null && file.isObject()) {
                    tree.setAll((ObjectNode) file);
                } else if (file != null && !file.isMissingNode() && !file.isNull()) {
                    throw new IllegalArgumentException("config file must hold a mapping of keys: " + yamlFile);
                }
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read config file " + yamlFile + ": " + e.getMessage(), e);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("config file " + yamlFile + " is not valid YAML: "
                        + e.getOriginalMessage(), e);
            }
        }
        for (String key : fieldNames()) {
            String value = environment.get(envName(key));
            if (value != null) {
                JsonNode current = tree.get(key);
                if (key.equals("trustedProxies")) {
                    var array = tree.putArray(key);
                    Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(array::add);
                } else if (current != null && current.isNumber()) {
                    tree.put(key, parseLong(key, value));
                } else if (current != null && current.isBoolean()) {
                    tree.put(key, Boolean.parseBoolean(value.trim()));
                } else {
                    tree.put(key, value);
                }
            }
        }
        overrides.forEach((key, value) -> {
            if (value != null) {
                tree.set(key, Json.MAPPER.valueToTree(value));
            }
        });
        try {
            return Json.MAPPER.treeToValue(tree, ServerConfig.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid configuration: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code dataDir} -> {@code FRONTDESK_DATA_DIR}. */
    public static String envName(String key) {
        return "FRONTDESK_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static String[] fieldNames() {
        return Arrays.stream(ServerConfig.class.getRecordComponents()).map(c -> c.getName()).toArray(String[]::new);
    }

    private static long parseLong(String key, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(envName(key) + " must be a number");
        }
    }
}
