package dev.frontdesk.client.ece.cli;

import dev.frontdesk.client.ece.EceLoginNode;
import dev.frontdesk.client.ece.NodeResult;
import dev.frontdesk.client.ece.NodeRuntimeAuthorization;
import dev.frontdesk.client.ece.Outcome;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The command {@code node ece-login --config FILE --transaction-id ID}: runs Create Session once, prints the
 * result as one line of JSON, and exits 0 on {@code onCreateSessionSuccess}. The other outcomes have their
 * own exit codes, clear of 1 and 2 which command-line parsers use for their own failures.
 */
public final class EceLoginCli {
    private EceLoginCli() {
    }

    public static int run(Path configFile, String transactionId, PrintStream out) {
        NodeResult result;
        try {
            NodeRuntimeAuthorization authorization = NodeConfigFile.read(configFile);
            try (HttpClient http = EceLoginNode.httpClientFor(authorization)) {
                result = new EceLoginNode(authorization, http, Clock.systemUTC()).createSession(transactionId);
            }
        } catch (InvalidConfigFileException e) {
            result = NodeResult.of(Outcome.INVALID_DATA, "invalid_config", e.getMessage(), 0);
        }
        out.println(toJson(result));
        out.flush();
        return exitCode(result.outcome());
    }

    public static int exitCode(Outcome outcome) {
        return switch (outcome) {
            case CREATE_SESSION_SUCCESS -> 0;
            case CREATE_SESSION_FAILURE -> 3;
            case INVALID_DATA -> 4;
            case TIMEOUT -> 5;
            case ERROR -> 6;
            case INVALID_CHOICE -> 7;
        };
    }

    static String toJson(NodeResult result) {
        JsonMapper json = JsonMapper.shared();
        ObjectNode root = json.createObjectNode().put("outcome", result.outcome().wireName());
        ObjectNode variables = root.putObject("variables");
        result.variables().forEach(variables::put);
        root.put("code", result.code()).put("message", result.message());
        return json.writeValueAsString(root);
    }
}
