package dev.frontdesk.server.egain;

/** What one request negotiated: which API answers, in which body format and language. */
record Exchange(EgainApi api, WireFormat format, EgainLanguage language) {
    Exchange withLanguage(EgainLanguage value) {
        return new Exchange(api, format, value);
    }
}
