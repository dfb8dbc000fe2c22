package io.github.roktauth.sample;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Body of a {@code 200} answer to {@code POST /v1/events}: the events Rokt did not take.
 *
 * @param data answer data
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EventsResponse(@Nullable Data data) {

	List<RejectedEvent> rejectedEvents() {
		if (this.data == null || this.data.unprocessedRecords() == null) {
			return List.of();
		}
		return this.data.unprocessedRecords().stream().map(UnprocessedRecord::toRejectedEvent).toList();
	}

	/**
	 * Answer data.
	 *
	 * @param unprocessedRecords rejected events with the reason of each
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Data(@Nullable List<UnprocessedRecord> unprocessedRecords) {
	}

	/**
	 * One rejected event.
	 *
	 * @param error why it was rejected
	 * @param record the event as sent
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record UnprocessedRecord(@Nullable ErrorDetail error, @Nullable Map<String, Object> record) {

		RejectedEvent toRejectedEvent() {
			Object id = (this.record != null) ? this.record.get("clientEventId") : null;
			String code = (this.error != null && this.error.code() != null) ? this.error.code() : "unknown";
			String message = (this.error != null && this.error.message() != null) ? this.error.message() : "";
			return new RejectedEvent((id != null) ? id.toString() : "?", code, message);
		}

	}

	/**
	 * Rokt's error description, also the {@code data} of a whole-request error body.
	 *
	 * @param code error code, such as {@code RequestValidationError}
	 * @param message human-readable reason
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ErrorDetail(@Nullable String code, @Nullable String message) {
	}

	/**
	 * Body of an error answer.
	 *
	 * @param data the error
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ErrorBody(@Nullable ErrorDetail data) {
	}

}
