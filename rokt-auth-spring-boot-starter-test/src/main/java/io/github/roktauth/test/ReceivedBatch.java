package io.github.roktauth.test;

/**
 * One Event API request that passed the stand-in's header checks, with the status it got.
 *
 * @param accountId the request's {@code accountId}, or an empty string when the body had
 * none
 * @param idempotencyKey the request's {@code Idempotency-Key}
 * @param events how many events the body carried
 * @param rejected how many of them were listed in {@code unprocessedRecords}
 * @param status the HTTP status of the answer
 */
public record ReceivedBatch(String accountId, String idempotencyKey, int events, int rejected, int status) {

}
