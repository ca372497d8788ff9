package dev.frontdesk.client.ece.cli;

import dev.frontdesk.client.ece.NodeRuntimeAuthorization;
import dev.frontdesk.client.ece.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the node's JSON configuration file. Missing fields are left for the node to report; what cannot be
 * read at all (no file, not JSON, wrong types, unknown outcome names) is an {@link InvalidConfigFileException}.
 */
final class NodeConfigFile {
    private NodeConfigFile() {
    }

    static NodeRuntimeAuthorization read(Path file) {
        JsonNode json;
        try {
            json = JsonMapper.shared().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new InvalidConfigFileException("cannot read config file " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new InvalidConfigFileException("config file " + file + " is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw new InvalidConfigFileException("config file " + file + " must hold a JSON object");
        }
        List<String> problems = new ArrayList<>();
        NodeRuntimeAuthorization.Builder builder = NodeRuntimeAuthorization.builder()
                .authorizationName(text(json, "authorizationName", problems))
                .clientId(text(json, "clientId", problems))
                .clientSecret(text(json, "clientSecret", problems))
                .accessTokenUrl(text(json, "accessTokenUrl", problems))
                .refreshTokenUrl(text(json, "refreshTokenUrl", problems))
                .hostName(text(json, "hostName", problems))
                .userName(text(json, "userName", problems))
                .password(text(json, "password", problems))
                .contextRoot(text(json, "contextRoot", problems))
                .forceLogin(flag(json, "forceLogin", problems))
                .wiredOutcomes(outcomes(json.path("outcomes"), problems));
        JsonNode timeout = json.path("timeoutMillis");
        if (!timeout.isMissingNode()) {
            if (timeout.isIntegralNumber() && timeout.canConvertToLong() && timeout.asLong() > 0) {
                builder.timeout(Duration.ofMillis(timeout.asLong()));
            } else {
                problems.add("timeoutMillis must be a positive whole number");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigFileException(String.join("; ", problems));
        }
        return builder.buildUnchecked();
    }

    private static String text(JsonNode json, String name, List<String> problems) {
        JsonNode value = json.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(name + " must be a string");
            return null;
        }
        return value.asString();
    }

    private static boolean flag(JsonNode json, String name, List<String> problems) {
        JsonNode value = json.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.add(name + " must be true or false");
            return false;
        }
        return value.asBoolean();
    }

    private static Set<Outcome> outcomes(JsonNode names, List<String> problems) {
        if (names.isMissingNode() || names.isNull()) {
            return Set.of();
        }
        if (!names.isArray()) {
            problems.add("outcomes must be an array of outcome names");
            return Set.of();
        }
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        for (JsonNode name : names) {
            Outcome.fromWireName(name.isString() ? name.asString() : null).ifPresentOrElse(outcomes::add,
                    () -> problems.add("unknown outcome " + name + " in outcomes"));
        }
        return outcomes;
    }
}
