package dev.frontdesk.server.egain;

import dev.frontdesk.server.http.Requests;
import java.util.List;
import java.util.Map;

/**
 * A login body of any accepted type to {@link LoginCredentials}: XML and JSON (both APIs) and
 * {@code multipart/form-data} (v15 only). Bodies are UTF-8 (a leading byte-order mark is allowed);
 * an empty or blank body is a 400, any other Content-Type a 415.
 */
final class LoginBodies {
    private LoginBodies() {
    }

    /**
     * @param mediaType lower-case {@code type/subtype} of the request, "" when absent
     * @param boundary  the multipart boundary parameter, else null
     */
    static LoginCredentials read(byte[] body, String mediaType, String boundary, EgainApi api) {
        return read(body, mediaType, boundary, api, api.namespace());
    }

    /** @param pathNamespace the model namespace of the path's version, accepted in XML besides the API's own */
    static LoginCredentials read(byte[] body, String mediaType, String boundary, EgainApi api, String pathNamespace) {
        boolean multipart = mediaType.equals("multipart/form-data");
        WireFormat format = WireFormat.of(mediaType);
        if (body.length == 0 && mediaType.isEmpty()) {
            throw EgainError.badRequest("request.bodyRequired");
        }
        if (format == null && !(multipart && api.acceptsMultipart())) {
            throw new EgainError(415, "request.unsupportedType", api.supportedTypes());
        }
        if (multipart) {
            if (body.length == 0) {
                throw EgainError.badRequest("request.bodyRequired");
            }
            return fromForm(MultipartForm.parse(body, boundary));
        }
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw EgainError.badRequest("request.bodyRequired");
        }
        return format == WireFormat.XML ? XmlLoginReader.read(text, api, pathNamespace) : JsonLoginReader.read(text);
    }

    private static LoginCredentials fromForm(Map<String, List<String>> fields) {
        if (fields.containsKey("userName") && fields.containsKey("username")) {
            throw EgainError.badRequest("field.duplicate", "userName");
        }
        return LoginCredentials.checked(single(fields, fields.containsKey("username") ? "username" : "userName"),
                single(fields, "password"));
    }

    private static String single(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw EgainError.badRequest("field.duplicate", name);
        }
        return values.get(0);
    }

    static String utf8(byte[] bytes) {
        return Requests.strictUtf8(bytes, 0, bytes.length).orElseThrow(() -> EgainError.badRequest("request.notUtf8"));
    }
}
