package io.github.roktauth.sample;

/**
 * Event that Rokt listed in {@code unprocessedRecords} of an otherwise successful request.
 *
 * @param clientEventId id of the rejected event
 * @param code Rokt's error code
 * @param message Rokt's reason
 */
public record RejectedEvent(String clientEventId, String code, String message) {
}
