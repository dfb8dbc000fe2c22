package io.github.roktauth.test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.roktauth.test.EventBatch.Attribute;
import org.jspecify.annotations.Nullable;

/**
 * Checks one Event API event against Rokt's per-event rules; a refused event is listed in
 * {@code unprocessedRecords} rather than failing its request.
 */
final class EventValidator {

	private static final int MAX_CLIENT_EVENT_ID = 36;

	private static final int MAX_EVENT_TYPE = 128;

	private static final int MAX_NAME = 256;

	private static final int MAX_VALUE = 65536;

	private static final Duration MAX_FUTURE = Duration.ofMinutes(5);

	private static final int MAX_AGE_MONTHS = 18;

	private static final Set<String> IDENTIFIERS = Set.of("email", "emailsha256", "passbackconversiontrackingid");

	private static final Pattern RFC_3339_UTC = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]00:00)");

	private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

	/**
	 * Check an event.
	 * @param event the event as received
	 * @param now the time the request arrived
	 * @return why the event is refused, or {@code null} if it is valid (apart from whether its
	 * {@code clientEventId} was already used, which the caller claims)
	 */
	@Nullable Rejection validate(ObjectNode event, Instant now) {
		Rejection rejection = checkClientEventId(EventBatch.text(event, "clientEventId"));
		if (rejection == null) {
			rejection = checkEventType(EventBatch.text(event, "eventType"));
		}
		if (rejection == null) {
			rejection = checkEventTime(EventBatch.text(event, "eventTime"), now);
		}
		if (rejection == null) {
			rejection = checkAttributes(EventBatch.attributes(event, "objectData"), "objectData");
		}
		if (rejection == null) {
			rejection = checkAttributes(EventBatch.attributes(event, "metaData"), "metaData");
		}
		if (rejection == null) {
			rejection = checkIdentifiers(EventBatch.attributes(event, "objectData"));
		}
		return rejection;
	}

	private @Nullable Rejection checkClientEventId(@Nullable String clientEventId) {
		if (clientEventId == null || clientEventId.isBlank()) {
			return new Rejection("InvalidClientEventId", "clientEventId is required");
		}
		if (length(clientEventId) > MAX_CLIENT_EVENT_ID) {
			return new Rejection("InvalidClientEventId", "clientEventId must be at most 36 characters");
		}
		return null;
	}

	private @Nullable Rejection checkEventType(@Nullable String eventType) {
		if (eventType == null || eventType.isBlank()) {
			return new Rejection("InvalidEventType", "eventType is required");
		}
		if (length(eventType) > MAX_EVENT_TYPE) {
			return new Rejection("InvalidEventType", "eventType must be at most 128 characters");
		}
		return null;
	}

	private @Nullable Rejection checkEventTime(@Nullable String eventTime, Instant now) {
		if (eventTime == null || eventTime.isBlank()) {
			return new Rejection("InvalidEventTime", "eventTime is required");
		}
		Instant time = parseUtc(eventTime);
		if (time == null) {
			return new Rejection("InvalidEventTime", "eventTime must be an RFC 3339 UTC timestamp");
		}
		if (time.isBefore(now.atOffset(ZoneOffset.UTC).minusMonths(MAX_AGE_MONTHS).toInstant())) {
			return new Rejection("EventTimeOutOfRange", "eventTime is more than 18 months in the past");
		}
		if (time.isAfter(now.plus(MAX_FUTURE))) {
			return new Rejection("EventTimeOutOfRange", "eventTime is more than 5 minutes in the future");
		}
		return null;
	}

	private @Nullable Rejection checkAttributes(List<Attribute> attributes, String list) {
		for (Attribute attribute : attributes) {
			String name = attribute.name();
			if (name == null || name.isEmpty()) {
				return new Rejection("InvalidAttribute", list + " name is required");
			}
			if (length(name) > MAX_NAME) {
				return new Rejection("InvalidAttribute", list + " name must be at most 256 characters");
			}
			if (name.toLowerCase(Locale.ROOT).startsWith("rokt.")) {
				return new Rejection("ReservedAttributeName", list + " name '" + name + "' is reserved");
			}
			if (attribute.value() == null) {
				return new Rejection("InvalidAttribute", list + " '" + name + "' has no value");
			}
			if (length(attribute.value()) > MAX_VALUE) {
				return new Rejection("InvalidAttribute",
						list + " '" + name + "' value must be at most 65536 characters");
			}
		}
		return null;
	}

	private @Nullable Rejection checkIdentifiers(List<Attribute> objectData) {
		boolean identified = false;
		for (Attribute attribute : objectData) {
			if ("emailsha256".equals(attribute.name()) && !SHA_256_HEX.matcher(attribute.value()).matches()) {
				return new Rejection("InvalidEmailSha256", "emailsha256 must be 64 lowercase hex characters");
			}
			identified |= IDENTIFIERS.contains(attribute.name()) && !attribute.value().isBlank();
		}
		if (!identified) {
			return new Rejection("MissingIdentifier",
					"objectData needs one of email, emailsha256 or passbackconversiontrackingid");
		}
		return null;
	}

	private static @Nullable Instant parseUtc(String eventTime) {
		if (!RFC_3339_UTC.matcher(eventTime).matches()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(eventTime.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
				.toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	/**
	 * Why an event was refused.
	 *
	 * @param code the error code
	 * @param message what was wrong
	 */
	record Rejection(String code, String message) {

	}

}
