package dev.frontdesk.server.egain;

import java.io.StringReader;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XML login body: root {@code login} or {@code Login} in the API's namespace (or none), children
 * {@code userName} (or {@code username}) and {@code password}; other children are ignored.
 *
 * <p>XML from the network gets no DTD at all: a document containing {@code <!DOCTYPE} is refused
 * before any parser sees it, and the parser itself runs with DTD support and external entities
 * off, a resolver that refuses everything, and no external access — so neither XXE nor entity
 * expansion (billion laughs) can happen even if the first check were bypassed. Depth and element
 * count are bounded; the body's size is bounded by the shared body reader.
 */
final class XmlLoginReader {
    static final int MAX_DEPTH = 8;
    static final int MAX_ELEMENTS = 64;

    private XmlLoginReader() {
    }

    static LoginCredentials read(String text, EgainApi api) {
        return read(text, api, api.namespace());
    }

    /** @param pathNamespace the model namespace of the version the path names, accepted besides the API's own */
    static LoginCredentials read(String text, EgainApi api, String pathNamespace) {
        if (text.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            throw EgainError.badRequest("request.doctype");
        }
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new StringReader(text));
            return readLogin(reader, api, pathNamespace);
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof EgainError error) {
                throw error;
            }
            throw EgainError.badRequest("request.xmlMalformed");
        } finally {
            close(reader);
        }
    }

    private static LoginCredentials readLogin(XMLStreamReader reader, EgainApi api, String pathNamespace)
            throws XMLStreamException {
        String userName = null;
        String password = null;
        boolean rootSeen = false;
        int depth = 0;
        int elements = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw EgainError.badRequest("request.doctype");
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION,
                     XMLStreamConstants.NOTATION_DECLARATION -> throw EgainError.badRequest("request.xmlMalformed");
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth > MAX_DEPTH || ++elements > MAX_ELEMENTS) {
                        throw EgainError.badRequest("request.xmlMalformed");
                    }
                    if (depth == 1) {
                        checkRoot(reader, api, pathNamespace);
                        rootSeen = true;
                    } else if (depth == 2 && inNamespace(reader, api, pathNamespace)) {
                        String name = reader.getLocalName();
                        if (name.equals("userName") || name.equals("username")) {
                            if (userName != null) {
                                throw EgainError.badRequest("field.duplicate", "userName");
                            }
                            userName = reader.getElementText();
                            depth--;
                        } else if (name.equals("password")) {
                            if (password != null) {
                                throw EgainError.badRequest("field.duplicate", "password");
                            }
                            password = reader.getElementText();
                            depth--;
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                    // text, comments, processing instructions, whitespace: nothing to read
                }
            }
        }
        if (!rootSeen) {
            throw EgainError.badRequest("request.xmlMalformed");
        }
        return LoginCredentials.checked(userName, password);
    }

    private static void checkRoot(XMLStreamReader reader, EgainApi api, String pathNamespace) {
        String name = reader.getLocalName();
        if (!(name.equals("login") || name.equals("Login")) || !inNamespace(reader, api, pathNamespace)) {
            throw EgainError.badRequest("request.rootElement", api.namespace());
        }
    }

    private static boolean inNamespace(XMLStreamReader reader, EgainApi api, String pathNamespace) {
        String namespace = reader.getNamespaceURI();
        return namespace == null || namespace.isEmpty() || namespace.equals(api.namespace())
                || namespace.equals(pathNamespace);
    }

    /** A fresh factory per document (the JDK's factory is not documented as thread-safe), locked down. */
    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not allowed");
        });
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was opened that needs closing
            }
        }
    }
}
