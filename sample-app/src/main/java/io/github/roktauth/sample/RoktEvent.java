package io.github.roktauth.sample;

import java.util.List;

/**
 * One event of Rokt's Event API v1, as sent in the {@code events} array of {@code POST /v1/events}.
 *
 * @param clientEventId caller's unique id of the event, at most 36 characters
 * @param eventType kind of event; {@code conversion} triggers attribution
 * @param eventTime when the event happened, RFC 3339 in UTC
 * @param objectData attributes of the event, including the customer identifier
 */
public record RoktEvent(String clientEventId, String eventType, String eventTime, List<Attribute> objectData) {

	/**
	 * One name/value pair of an event's {@code objectData}.
	 *
	 * @param name attribute name, such as {@code emailsha256}
	 * @param value attribute value
	 */
	public record Attribute(String name, String value) {
	}

}
