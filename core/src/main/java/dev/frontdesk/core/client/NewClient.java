package dev.frontdesk.core.client;

/** A registered client and its secret, which is shown this once and never again. */
public record NewClient(ClientApp client, String clientSecret) {
}
