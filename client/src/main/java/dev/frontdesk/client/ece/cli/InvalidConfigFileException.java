package dev.frontdesk.client.ece.cli;

/** The node's configuration file cannot be read or holds values of the wrong kind. */
final class InvalidConfigFileException extends RuntimeException {
    InvalidConfigFileException(String message) {
        super(message);
    }
}
