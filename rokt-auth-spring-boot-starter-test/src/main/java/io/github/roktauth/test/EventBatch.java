package io.github.roktauth.test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * An Event API request body, decoded as strictly as a typed JSON decoder would: wrong JSON
 * types are a request error ({@code RequestJsonUnmarshalError}), not a per-event one.
 *
 * @param accountId the {@code accountId}, if present
 * @param events the {@code events}, if present
 */
record EventBatch(@Nullable String accountId, @Nullable List<ObjectNode> events) {

	private static final ObjectReader READER = Responses.JSON.reader()
		.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private static final List<String> TEXT_FIELDS = List.of("clientEventId", "eventType", "eventTime");

	private static final List<String> ATTRIBUTE_LISTS = List.of("objectData", "metaData");

	static EventBatch read(byte[] body) throws MalformedBatchException {
		JsonNode root;
		try {
			root = READER.readTree(body);
		}
		catch (IOException ex) {
			throw new MalformedBatchException("request body is not valid JSON");
		}
		if (root == null || !root.isObject()) {
			throw new MalformedBatchException("request body must be a JSON object");
		}
		JsonNode accountId = root.get("accountId");
		if (isPresent(accountId) && !accountId.isTextual()) {
			throw new MalformedBatchException("accountId must be a string");
		}
		return new EventBatch(isPresent(accountId) ? accountId.textValue() : null, events(root.get("events")));
	}

	/**
	 * Return an event's text field, if it has one.
	 */
	static @Nullable String text(ObjectNode event, String field) {
		JsonNode value = event.get(field);
		return isPresent(value) ? value.textValue() : null;
	}

	/**
	 * Return an event's attributes of one list ({@code objectData} or {@code metaData}), in
	 * order; a missing name or value is {@code null}.
	 */
	static List<Attribute> attributes(ObjectNode event, String list) {
		JsonNode attributes = event.get(list);
		if (!isPresent(attributes)) {
			return Collections.emptyList();
		}
		List<Attribute> result = new ArrayList<>(attributes.size());
		for (JsonNode attribute : attributes) {
			result.add(new Attribute(text((ObjectNode) attribute, "name"), text((ObjectNode) attribute, "value")));
		}
		return result;
	}

	/**
	 * Return an event's {@code objectData} as name to value, in order.
	 */
	static Map<String, String> objectData(ObjectNode event) {
		Map<String, String> objectData = new LinkedHashMap<>();
		for (Attribute attribute : attributes(event, "objectData")) {
			if (attribute.name() != null && attribute.value() != null) {
				objectData.put(attribute.name(), attribute.value());
			}
		}
		return objectData;
	}

	private static @Nullable List<ObjectNode> events(@Nullable JsonNode events) throws MalformedBatchException {
		if (!isPresent(events)) {
			return null;
		}
		if (!events.isArray()) {
			throw new MalformedBatchException("events must be an array");
		}
		List<ObjectNode> result = new ArrayList<>(events.size());
		for (JsonNode event : events) {
			result.add(checkEvent(event));
		}
		return result;
	}

	private static ObjectNode checkEvent(JsonNode event) throws MalformedBatchException {
		if (!event.isObject()) {
			throw new MalformedBatchException("each event must be a JSON object");
		}
		for (String field : TEXT_FIELDS) {
			checkText(event.get(field), field);
		}
		for (String list : ATTRIBUTE_LISTS) {
			JsonNode attributes = event.get(list);
			if (!isPresent(attributes)) {
				continue;
			}
			if (!attributes.isArray()) {
				throw new MalformedBatchException(list + " must be an array of {name, value}");
			}
			for (JsonNode attribute : attributes) {
				if (!attribute.isObject()) {
					throw new MalformedBatchException(list + " must be an array of {name, value}");
				}
				checkText(attribute.get("name"), list + ".name");
				checkText(attribute.get("value"), list + ".value");
			}
		}
		return (ObjectNode) event;
	}

	private static void checkText(@Nullable JsonNode value, String field) throws MalformedBatchException {
		if (isPresent(value) && !value.isTextual()) {
			throw new MalformedBatchException(field + " must be a string");
		}
	}

	private static boolean isPresent(@Nullable JsonNode node) {
		return node != null && !node.isNull();
	}

	/**
	 * One {@code {name, value}} pair of an event.
	 *
	 * @param name the name, if present
	 * @param value the value, if present
	 */
	record Attribute(@Nullable String name, @Nullable String value) {

	}

}
