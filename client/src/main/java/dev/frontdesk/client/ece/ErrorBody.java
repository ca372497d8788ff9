package dev.frontdesk.client.ece;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The code and message of an error answer, read from any of the shapes eGain and OAuth servers use:
 * JSON {@code {"message"}}, {@code {"code","developerMessage"}}, {@code {"error","error_description"}},
 * or XML {@code <error><message>} / {@code <error><code><developerMessage>}. Either part may be null.
 */
record ErrorBody(String code, String message) {
    private static final Pattern XML_CODE = xmlElement("code");
    private static final Pattern XML_MESSAGE = xmlElement("message");
    private static final Pattern XML_DEVELOPER_MESSAGE = xmlElement("developerMessage");

    static ErrorBody parse(String body) {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("{")) {
            return fromJson(text);
        }
        if (text.startsWith("<")) {
            return new ErrorBody(xmlText(XML_CODE, text),
                    Optional.ofNullable(xmlText(XML_MESSAGE, text)).orElse(xmlText(XML_DEVELOPER_MESSAGE, text)));
        }
        return new ErrorBody(null, null);
    }

    private static ErrorBody fromJson(String text) {
        try {
            JsonNode json = JsonMapper.shared().readTree(text);
            return new ErrorBody(firstString(json, "code", "error"),
                    firstString(json, "message", "developerMessage", "error_description", "userMessage"));
        } catch (JacksonException e) {
            return new ErrorBody(null, null);
        }
    }

    private static String firstString(JsonNode json, String... names) {
        for (String name : names) {
            JsonNode value = json.path(name);
            if (value.isString() || value.isNumber()) {
                return value.asString();
            }
        }
        return null;
    }

    private static Pattern xmlElement(String name) {
        return Pattern.compile("<(?:[\\w.-]+:)?" + name + "(?:\\s[^>]*)?>(.*?)</(?:[\\w.-]+:)?" + name + "\\s*>",
                Pattern.DOTALL);
    }

    private static String xmlText(Pattern element, String xml) {
        Matcher matcher = element.matcher(xml);
        if (!matcher.find()) {
            return null;
        }
        return matcher.group(1).strip().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
    }
}
