package dev.frontdesk.server.genesys;

import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v2/me}: either a configuration (a JSON array of {@code {name, value}}
 * pairs, "login with configuration") or an operation ({@code {"operationName": ...}}):
 * {@code EndContactCenterSession}, or {@code StartContactCenterSession} as Workspace Web Services
 * desktops send it, whose optional {@code place} and {@code devices} mean what they mean in a
 * configuration (other members, such as {@code channels}, are accepted and ignored).
 */
sealed interface SrsPost {
    String END_SESSION = "EndContactCenterSession";
    String START_SESSION = "StartContactCenterSession";
    int MAX_ENTRIES = 64;
    int MAX_DEVICES = 64;
    int MAX_TEXT = 255;
    int MAX_URL = 2048;

    /**
     * Login configuration; every part optional (null or empty when absent).
     *
     * @param devices the {@code [{dn, switch}]} list, as given
     */
    record Configuration(String server, String peerServer, String place, List<Device> devices) implements SrsPost {
        public Configuration {
            devices = List.copyOf(devices);
        }

        static Configuration empty() {
            return new Configuration(null, null, null, List.of());
        }

        /** The session attributes this configuration sets: only the names that were given. */
        Map<String, String> attributes() {
            Map<String, String> attributes = new LinkedHashMap<>();
            if (server != null) {
                attributes.put("server", server);
            }
            if (peerServer != null) {
                attributes.put("peer_server", peerServer);
            }
            if (place != null) {
                attributes.put("place", place);
            }
            if (!devices.isEmpty()) {
                attributes.put("devices", Json.write(devices.stream().map(Device::view).toList()));
            }
            return attributes;
        }
    }

    record Device(String dn, String switchName) {
        Map<String, String> view() {
            Map<String, String> view = new LinkedHashMap<>();
            view.put("dn", dn);
            if (switchName != null) {
                view.put("switch", switchName);
            }
            return view;
        }
    }

    /** {@code {"operationName": "EndContactCenterSession"}}. */
    record EndSession() implements SrsPost {
    }

    /** {@code {"operationName": "StartContactCenterSession", "place"?, "devices"?}}: place and devices only. */
    record StartSession(Configuration configuration) implements SrsPost {
    }

    /** Parses a JSON body already read as a tree; wrong shapes and types are a {@link BadRequest}. */
    static SrsPost parse(JsonNode body) {
        if (body.isArray()) {
            return configuration(body);
        }
        if (body.isObject()) {
            JsonNode name = body.get("operationName");
            if (name == null || !name.isString()) {
                throw new BadRequest("operationName is required", "operationName");
            }
            return switch (name.asString()) {
                case END_SESSION -> new EndSession();
                case START_SESSION -> new StartSession(new Configuration(null, null,
                        text(body.get("place"), "place", MAX_TEXT), devices(body.get("devices"))));
                default -> throw new BadRequest("Unsupported operationName: " + truncate(name.asString()),
                        "operationName");
            };
        }
        throw new BadRequest("body must be a JSON array of {name, value} pairs or an operation object", null);
    }

    private static Configuration configuration(JsonNode entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw new BadRequest("too many configuration entries (at most " + MAX_ENTRIES + ")", null);
        }
        String server = null;
        String peerServer = null;
        String place = null;
        List<Device> devices = List.of();
        Set<String> seen = new HashSet<>();
        for (JsonNode entry : entries) {
            if (!entry.isObject()) {
                throw new BadRequest("each configuration entry must be an object {name, value}", null);
            }
            JsonNode nameNode = entry.get("name");
            if (nameNode == null || !nameNode.isString()) {
                throw new BadRequest("each configuration entry needs a string name", "name");
            }
            String name = nameNode.asString();
            JsonNode value = entry.get("value");
            boolean known = switch (name) {
                case "server", "peer_server", "place", "devices" -> true;
                default -> false;
            };
            if (!known) {
                continue;
            }
            if (!seen.add(name)) {
                throw new BadRequest("configuration entry " + name + " is given twice", name);
            }
            switch (name) {
                case "server" -> server = url(value, name);
                case "peer_server" -> peerServer = url(value, name);
                case "place" -> place = text(value, name, MAX_TEXT);
                default -> devices = devices(value);
            }
        }
        return new Configuration(server, peerServer, place, devices);
    }

    private static String url(JsonNode value, String name) {
        String text = text(value, name, MAX_URL);
        if (text != null && !(text.startsWith("http://") || text.startsWith("https://"))) {
            throw new BadRequest(name + " must be an http:// or https:// address", name);
        }
        return text;
    }

    /** A string value, trimmed; null (absent) for a missing, null or blank value. */
    private static String text(JsonNode value, String name, int max) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new BadRequest(name + " must be a string", name);
        }
        String text = value.asString().trim();
        if (text.length() > max) {
            throw new BadRequest(name + " is too long (at most " + max + " characters)", name);
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequest(name + " must not contain control characters", name);
        }
        return text.isEmpty() ? null : text;
    }

    private static List<Device> devices(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new BadRequest("devices must be an array of {dn, switch}", "devices");
        }
        if (value.size() > MAX_DEVICES) {
            throw new BadRequest("too many devices (at most " + MAX_DEVICES + ")", "devices");
        }
        List<Device> devices = new ArrayList<>();
        for (JsonNode device : value) {
            if (!device.isObject()) {
                throw new BadRequest("each device must be an object {dn, switch}", "devices");
            }
            String dn = text(device.get("dn"), "devices.dn", MAX_TEXT);
            if (dn == null) {
                throw new BadRequest("each device needs a dn", "devices.dn");
            }
            devices.add(new Device(dn, text(device.get("switch"), "devices.switch", MAX_TEXT)));
        }
        return devices;
    }

    private static String truncate(String text) {
        String safe = text.replaceAll("\\p{Cntrl}", "?");
        return safe.length() > 64 ? safe.substring(0, 64) + "..." : safe;
    }
}
