package io.github.roktauth.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Builds Event API bodies for tests.
 */
final class Events {

	private Events() {
	}

	static Map<String, Object> event(String clientEventId, Instant eventTime) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("clientEventId", clientEventId);
		event.put("eventType", "conversion");
		event.put("eventTime", eventTime.toString());
		event.put("objectData", List.of(attribute("email", "jenny@example.com"), attribute("amount", "42.50")));
		return event;
	}

	static Map<String, Object> attribute(String name, Object value) {
		Map<String, Object> attribute = new LinkedHashMap<>();
		attribute.put("name", name);
		attribute.put("value", value);
		return attribute;
	}

	static String batch(String accountId, List<?> events) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("accountId", accountId);
		body.put("events", events);
		return json(body);
	}

	static String batchOf(int size, Instant eventTime) {
		List<Object> events = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			events.add(event("e-" + i + "-" + System.nanoTime(), eventTime));
		}
		return batch("3183", events);
	}

	static String json(Object value) {
		try {
			return RawRokt.JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
