package io.github.roktauth.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Event API of {@link RoktStandIn}.
 */
class RoktStandInEventsEndpointTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final RoktStandIn standIn = RoktStandIn.builder().clock(this.clock).start();

	private final RawRokt rokt = new RawRokt(this.standIn);

	@AfterEach
	void close() {
		this.standIn.close();
	}

	@Test
	void acceptsAValidBatch() {
		String key = UUID.randomUUID().toString();
		HttpResponse<String> response = this.rokt.post(RoktStandIn.EVENTS_PATH,
				Events.batch("3183", List.of(Events.event("order-1", NOW))), headers(this.rokt.accessToken(), key));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"data\":{\"unprocessedRecords\":[]}}");
		assertThat(this.standIn.receivedEvents()).containsExactly(new ReceivedEvent("3183", key, "order-1",
				"conversion", NOW.toString(), Map.of("email", "jenny@example.com", "amount", "42.50"), true, null));
		assertThat(this.standIn.receivedBatches()).containsExactly(new ReceivedBatch("3183", key, 1, 0, 200));
		assertThat(this.standIn.idempotencyKeys()).containsExactly(key);
		assertThat(this.standIn.lastAuthorization()).isEqualTo(AuthorizationKind.BEARER);
	}

	@Test
	void acceptsAMissingRoktVersionAsTheLatest() {
		HttpResponse<String> response = this.rokt.post(RoktStandIn.EVENTS_PATH, Events.batchOf(1, NOW),
				"Authorization", "Bearer " + this.rokt.accessToken(), "Content-Type",
				"application/json; charset=utf-8", "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesMissingBearerToken() {
		HttpResponse<String> response = this.rokt.post(RoktStandIn.EVENTS_PATH, Events.batchOf(1, NOW),
				"Content-Type", "application/json", "Rokt-Version", "2020-05-21", "Idempotency-Key",
				UUID.randomUUID().toString());
		assertError(response, 401, "UnauthorizedError");
		assertThat(this.standIn.receivedBatches()).isEmpty();
	}

	@Test
	void refusesBasicCredentials() {
		HttpResponse<String> response = this.rokt.post(RoktStandIn.EVENTS_PATH, Events.batchOf(1, NOW),
				"Authorization", this.rokt.basic(), "Content-Type", "application/json", "Idempotency-Key",
				UUID.randomUUID().toString());
		assertError(response, 401, "UnauthorizedError");
	}

	@Test
	void refusesATokenItDidNotIssue() {
		assertError(this.rokt.events("eyJraWQiOiJmYWtlIn0.e30.c2ln", Events.batchOf(1, NOW)), 401,
				"UnauthorizedError");
	}

	@Test
	void refusesAnExpiredToken() {
		String token = this.rokt.accessToken();
		this.clock.advance(Duration.ofMinutes(59));
		assertThat(this.rokt.events(token, Events.batchOf(1, this.clock.instant())).statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(1));
		assertError(this.rokt.events(token, Events.batchOf(1, this.clock.instant())), 401, "UnauthorizedError");
	}

	@Test
	void refusesTokensAfterExpireIssuedTokens() {
		String token = this.rokt.accessToken();
		this.standIn.expireIssuedTokens();
		assertError(this.rokt.events(token, Events.batchOf(1, NOW)), 401, "UnauthorizedError");
		assertThat(this.rokt.events(this.rokt.accessToken(), Events.batchOf(1, NOW)).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesMissingIdempotencyKey() {
		HttpResponse<String> response = this.rokt.post(RoktStandIn.EVENTS_PATH, Events.batchOf(1, NOW),
				"Authorization", "Bearer " + this.rokt.accessToken(), "Content-Type", "application/json",
				"Rokt-Version", "2020-05-21");
		assertError(response, 400, "RequestValidationError");
		assertThat(this.standIn.receivedBatches()).isEmpty();
	}

	@Test
	void refusesAnIdempotencyKeyThatIsNotAUuid() {
		HttpResponse<String> response = this.rokt.post(RoktStandIn.EVENTS_PATH, Events.batchOf(1, NOW),
				headers(this.rokt.accessToken(), "batch-1"));
		assertError(response, 400, "RequestValidationError");
		assertThat(this.standIn.idempotencyKeys()).containsExactly("batch-1");
	}

	@Test
	void refusesAReusedIdempotencyKey() {
		String token = this.rokt.accessToken();
		String key = UUID.randomUUID().toString();
		assertThat(this.rokt.post(RoktStandIn.EVENTS_PATH, Events.batchOf(1, NOW), headers(token, key)).statusCode())
			.isEqualTo(200);
		HttpResponse<String> reused = this.rokt.post(RoktStandIn.EVENTS_PATH, Events.batchOf(1, NOW),
				headers(token, key));
		assertError(reused, 409, "IdempotencyKeyReused");
		assertThat(this.standIn.idempotencyKeys()).containsExactly(key, key);
		assertThat(this.standIn.receivedBatches()).extracting(ReceivedBatch::status).containsExactly(200, 409);
		assertThat(this.standIn.receivedEvents()).hasSize(1);
	}

	@Test
	void refusesAnUnknownRoktVersion() {
		HttpResponse<String> response = this.rokt.post(RoktStandIn.EVENTS_PATH, Events.batchOf(1, NOW),
				"Authorization", "Bearer " + this.rokt.accessToken(), "Content-Type", "application/json",
				"Rokt-Version", "2024-01-01", "Idempotency-Key", UUID.randomUUID().toString());
		assertError(response, 400, "RequestValidationError");
	}

	@Test
	void refusesAContentTypeOtherThanJson() {
		HttpResponse<String> response = this.rokt.post(RoktStandIn.EVENTS_PATH, Events.batchOf(1, NOW),
				"Authorization", "Bearer " + this.rokt.accessToken(), "Content-Type", "text/plain",
				"Idempotency-Key", UUID.randomUUID().toString());
		assertError(response, 400, "RequestValidationError");
	}

	@Test
	void refusesMoreThan100Events() {
		String token = this.rokt.accessToken();
		assertError(this.rokt.events(token, Events.batchOf(101, NOW)), 400, "RequestValidationError");
		assertThat(this.standIn.receivedBatches()).singleElement()
			.satisfies((batch) -> assertThat(batch.events()).isEqualTo(101))
			.satisfies((batch) -> assertThat(batch.status()).isEqualTo(400));
		assertThat(this.rokt.events(token, Events.batchOf(100, NOW)).statusCode()).isEqualTo(200);
		assertThat(this.standIn.receivedEvents()).hasSize(100);
	}

	@Test
	void refusesAnEmptyBatch() {
		assertError(this.rokt.events(this.rokt.accessToken(), Events.batch("3183", List.of())), 400,
				"RequestValidationError");
	}

	@Test
	void refusesMissingOrOverlongAccountId() {
		String token = this.rokt.accessToken();
		assertError(this.rokt.events(token, "{\"events\":[" + Events.json(Events.event("a", NOW)) + "]}"), 400,
				"RequestValidationError");
		assertError(this.rokt.events(token, Events.batch("x".repeat(65), List.of(Events.event("a", NOW)))), 400,
				"RequestValidationError");
		assertThat(this.rokt.events(token, Events.batch("x".repeat(64), List.of(Events.event("a", NOW))))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesMalformedJson() {
		assertError(this.rokt.events(this.rokt.accessToken(), "{\"accountId\":\"3183\",\"events\":["), 400,
				"RequestJsonUnmarshalError");
	}

	@Test
	void refusesAttributeValuesThatAreNotStrings() {
		Map<String, Object> event = Events.event("a", NOW);
		event.put("objectData",
				List.of(Events.attribute("email", "jenny@example.com"), Events.attribute("amount", 42)));
		assertError(this.rokt.events(this.rokt.accessToken(), Events.batch("3183", List.of(event))), 400,
				"RequestJsonUnmarshalError");
	}

	@Test
	void refusesAnotherAccountWhenOneIsConfigured() {
		try (RoktStandIn account = RoktStandIn.builder().accountId("3183").start()) {
			RawRokt raw = new RawRokt(account);
			String token = raw.accessToken();
			assertError(raw.events(token, Events.batch("9999", List.of(Events.event("a", Instant.now())))), 403,
					"Forbidden");
			assertThat(raw.events(token, Events.batch("3183", List.of(Events.event("a", Instant.now()))))
				.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void listsInvalidEventsInUnprocessedRecordsWhileAcceptingValidOnes() {
		Map<String, Object> noTime = Events.event("no-time", NOW);
		noTime.remove("eventTime");
		Map<String, Object> offset = Events.event("offset", NOW);
		offset.put("eventTime", "2026-03-01T14:00:00+02:00");
		Map<String, Object> noType = Events.event("no-type", NOW);
		noType.remove("eventType");
		Map<String, Object> longType = Events.event("long-type", NOW);
		longType.put("eventType", "t".repeat(129));
		Map<String, Object> noId = Events.event("ignored", NOW);
		noId.remove("clientEventId");
		Map<String, Object> noIdentifier = Events.event("no-identifier", NOW);
		noIdentifier.put("objectData", List.of(Events.attribute("amount", "1")));
		Map<String, Object> badHash = Events.event("bad-hash", NOW);
		badHash.put("objectData", List.of(Events.attribute("emailsha256", "ABC")));
		Map<String, Object> goodHash = Events.event("good-hash", NOW);
		goodHash.put("objectData", List.of(Events.attribute("emailsha256", "a".repeat(64))));
		Map<String, Object> clickId = Events.event("click-id", NOW);
		clickId.put("objectData", List.of(Events.attribute("passbackconversiontrackingid", "abc123")));
		Map<String, Object> reserved = Events.event("reserved", NOW);
		reserved.put("metaData", List.of(Events.attribute("rokt.source", "x")));
		Map<String, Object> longName = Events.event("long-name", NOW);
		longName.put("metaData", List.of(Events.attribute("n".repeat(257), "x")));
		List<Map<String, Object>> events = List.of(Events.event("valid", NOW), Events.event("x".repeat(37), NOW),
				noTime, offset, Events.event("old", NOW.atOffset(ZoneOffset.UTC).minusMonths(18).minusSeconds(1)
					.toInstant()),
				Events.event("future", NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)),
				Events.event("near-future", NOW.plus(Duration.ofMinutes(5))), noType, longType, noId, noIdentifier,
				badHash, goodHash, clickId, reserved, longName, Events.event("valid", NOW));
		HttpResponse<String> response = this.rokt.events(this.rokt.accessToken(), Events.batch("3183", events));
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, String> codes = new HashMap<>();
		for (JsonNode unprocessed : RawRokt.json(response).at("/data/unprocessedRecords")) {
			assertThat(unprocessed.at("/error/message").asText()).isNotEmpty();
			codes.put(unprocessed.at("/record/clientEventId").asText("(none)"), unprocessed.at("/error/code")
				.asText());
		}
		assertThat(codes).containsOnly(Map.entry("x".repeat(37), "InvalidClientEventId"),
				Map.entry("no-time", "InvalidEventTime"), Map.entry("offset", "InvalidEventTime"),
				Map.entry("old", "EventTimeOutOfRange"), Map.entry("future", "EventTimeOutOfRange"),
				Map.entry("no-type", "InvalidEventType"), Map.entry("long-type", "InvalidEventType"),
				Map.entry("(none)", "InvalidClientEventId"), Map.entry("no-identifier", "MissingIdentifier"),
				Map.entry("bad-hash", "InvalidEmailSha256"), Map.entry("reserved", "ReservedAttributeName"),
				Map.entry("long-name", "InvalidAttribute"), Map.entry("valid", "DuplicateClientEventId"));
		assertThat(this.standIn.receivedEvents()).hasSize(events.size())
			.filteredOn(ReceivedEvent::accepted)
			.extracting(ReceivedEvent::clientEventId)
			.containsExactly("valid", "near-future", "good-hash", "click-id");
		assertThat(this.standIn.receivedBatches()).containsExactly(new ReceivedBatch("3183",
				this.standIn.idempotencyKeys().get(0), events.size(), events.size() - 4, 200));
	}

	@Test
	void echoesTheRefusedEventAsReceived() {
		Map<String, Object> event = Events.event("no-identifier", NOW);
		event.put("objectData", List.of(Events.attribute("amount", "1")));
		event.put("custom", Map.of("kept", true));
		HttpResponse<String> response = this.rokt.events(this.rokt.accessToken(),
				Events.batch("3183", List.of(event)));
		JsonNode record = RawRokt.json(response).at("/data/unprocessedRecords/0/record");
		assertThat(record).isEqualTo(RawRokt.JSON.valueToTree(event));
	}

	@Test
	void refusesAClientEventIdAlreadyAcceptedInAnEarlierRequest() {
		String token = this.rokt.accessToken();
		this.rokt.events(token, Events.batch("3183", List.of(Events.event("order-1", NOW))));
		HttpResponse<String> again = this.rokt.events(token,
				Events.batch("3183", List.of(Events.event("order-1", NOW))));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(RawRokt.json(again).at("/data/unprocessedRecords/0/error/code").asText())
			.isEqualTo("DuplicateClientEventId");
	}

	@Test
	void letsARefusedEventBeSentAgainOnceFixed() {
		String token = this.rokt.accessToken();
		Map<String, Object> event = Events.event("order-1", NOW);
		event.put("eventTime", "yesterday");
		this.rokt.events(token, Events.batch("3183", List.of(event)));
		HttpResponse<String> fixed = this.rokt.events(token,
				Events.batch("3183", List.of(Events.event("order-1", NOW))));
		assertThat(fixed.body()).isEqualTo("{\"data\":{\"unprocessedRecords\":[]}}");
	}

	@Test
	void answersNotFoundForOtherPaths() {
		HttpResponse<String> response = this.rokt.post("/v2/events", "{}", "Content-Type", "application/json");
		assertError(response, 404, "NotFound");
	}

	@Test
	void keepsTheWireMockAdminApiClosed() {
		assertThat(this.rokt.post("/__admin/mappings", "{}", "Content-Type", "application/json").statusCode())
			.isEqualTo(401);
	}

	private static String[] headers(String token, String idempotencyKey) {
		return new String[] { "Authorization", "Bearer " + token, "Content-Type", "application/json", "Rokt-Version",
				"2020-05-21", "Idempotency-Key", idempotencyKey };
	}

	private static void assertError(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode body = RawRokt.json(response);
		assertThat(body.at("/data/code").asText()).isEqualTo(code);
		assertThat(body.at("/data/message").asText()).isNotEmpty();
	}

}
