package io.github.roktauth.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One event the stand-in's Event API received in an accepted request, with its verdict.
 *
 * @param accountId the request's {@code accountId}
 * @param idempotencyKey the request's {@code Idempotency-Key}
 * @param clientEventId the event's {@code clientEventId}, if it had one
 * @param eventType the event's {@code eventType}, if it had one
 * @param eventTime the event's {@code eventTime} as sent, if it had one
 * @param objectData the event's {@code objectData} as name to value, in the order sent
 * @param accepted whether the event was processed, rather than listed in
 * {@code unprocessedRecords}
 * @param errorCode the code it was refused with, when not accepted
 */
public record ReceivedEvent(String accountId, String idempotencyKey, @Nullable String clientEventId,
		@Nullable String eventType, @Nullable String eventTime, Map<String, String> objectData, boolean accepted,
		@Nullable String errorCode) {

	public ReceivedEvent {
		objectData = Collections.unmodifiableMap(new LinkedHashMap<>(objectData));
	}

}
