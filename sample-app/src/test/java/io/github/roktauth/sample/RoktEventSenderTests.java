package io.github.roktauth.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class RoktEventSenderTests {

	private static final String OK_BODY = "{\"data\":{\"unprocessedRecords\":[]}}";

	private final List<ClientRequest> requests = new CopyOnWriteArrayList<>();

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	private final List<ClientResponse> answers = new CopyOnWriteArrayList<>();

	private final WebClient rokt = WebClient.builder().baseUrl("https://rokt.test").exchangeFunction((request) -> {
		MockClientHttpRequest written = new MockClientHttpRequest(request.method(), request.url());
		return request.writeTo(written, ExchangeStrategies.withDefaults())
			.then(Mono.defer(written::getBodyAsString))
			.map((body) -> {
				this.requests.add(request);
				this.bodies.add(body);
				return this.answers.isEmpty() ? answer(HttpStatus.OK, OK_BODY) : this.answers.remove(0);
			});
	}).build();

	private final RoktEventSender sender = new RoktEventSender(this.rokt, "acct-1", quickRetry(),
			Duration.ofSeconds(5));

	@Test
	void postsBatchWithRoktHeadersAndHashedEmailOnly() {
		RoktEvent event = new ConversionEventMapper(false).toEvent(new Conversion(2, "c-1",
				Instant.parse("2026-12-03T10:15:30Z"), "Jane.Doe@example.com", null, null, null, null, null, null));
		EventBatch batch = EventBatch.split(List.of(event), 100).get(0);
		BatchOutcome outcome = this.sender.send(batch).block();
		assertThat(outcome.delivered()).isTrue();
		assertThat(outcome.accepted()).isEqualTo(1);
		ClientRequest request = this.requests.get(0);
		assertThat(request.method()).isEqualTo(HttpMethod.POST);
		assertThat(request.url()).hasToString("https://rokt.test/v1/events");
		assertThat(request.headers().getFirst("Rokt-Version")).isEqualTo("2020-05-21");
		assertThat(request.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo(batch.idempotencyKey().toString());
		assertThat(this.bodies.get(0)).startsWith("{\"accountId\":\"acct-1\",\"events\":[{\"clientEventId\":\"c-1\"")
			.contains("\"eventType\":\"conversion\"", "\"eventTime\":\"2026-12-03T10:15:30Z\"",
					"{\"name\":\"emailsha256\",\"value\":\"" + ConversionEventMapper.emailSha256("jane.doe@example.com"))
			.doesNotContainIgnoringCase("jane.doe@example.com");
	}

	@Test
	void retriesServerErrorWithTheSameIdempotencyKey() {
		this.answers.add(answer(HttpStatus.INTERNAL_SERVER_ERROR, "{}"));
		this.answers.add(answer(HttpStatus.TOO_MANY_REQUESTS, "{}"));
		EventBatch batch = batches(1).get(0);
		BatchOutcome outcome = this.sender.send(batch).block();
		assertThat(outcome.failure()).isNull();
		assertThat(outcome.attempts()).isEqualTo(3);
		assertThat(idempotencyKeys()).containsOnly(batch.idempotencyKey().toString()).hasSize(3);
	}

	@Test
	void usesDistinctIdempotencyKeysForDistinctBatches() {
		this.answers.add(answer(HttpStatus.SERVICE_UNAVAILABLE, "{}"));
		List<EventBatch> batches = batches(3);
		Flux.fromIterable(batches).concatMap(this.sender::send).blockLast();
		assertThat(idempotencyKeys()).containsExactly(batches.get(0).idempotencyKey().toString(),
				batches.get(0).idempotencyKey().toString(), batches.get(1).idempotencyKey().toString(),
				batches.get(2).idempotencyKey().toString());
		assertThat(idempotencyKeys().stream().distinct()).hasSize(3);
	}

	@Test
	void failsBatchWhenServerErrorPersists() {
		for (int i = 0; i < 4; i++) {
			this.answers.add(answer(HttpStatus.BAD_GATEWAY, "<html>bad gateway</html>"));
		}
		BatchOutcome outcome = this.sender.send(batches(1).get(0)).block();
		assertThat(outcome.failure()).isEqualTo("HTTP 502");
		assertThat(outcome.attempts()).isEqualTo(4);
		assertThat(outcome.accepted()).isZero();
		assertThat(outcome.failure()).isEqualTo("HTTP 502");
	}

	@Test
	void doesNotRetryClientError() {
		this.answers.add(answer(HttpStatus.BAD_REQUEST,
				"{\"data\":{\"code\":\"RequestValidationError\",\"message\":\"accountId is required\"}}"));
		BatchOutcome outcome = this.sender.send(batches(1).get(0)).block();
		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.attempts()).isEqualTo(1);
		assertThat(outcome.failure()).isEqualTo("HTTP 400 RequestValidationError: accountId is required");
	}

	@Test
	void reportsUnprocessedRecords() {
		this.answers.add(answer(HttpStatus.OK, "{\"data\":{\"unprocessedRecords\":[{\"error\":{\"code\":"
				+ "\"InvalidEventTime\",\"message\":\"too old\"},\"record\":{\"clientEventId\":\"c-2\"}}]}}"));
		BatchOutcome outcome = this.sender.send(batches(1).get(0)).block();
		assertThat(outcome.rejected()).containsExactly(new RejectedEvent("c-2", "InvalidEventTime", "too old"));
		assertThat(outcome.accepted()).isEqualTo(2);
	}

	private List<String> idempotencyKeys() {
		return this.requests.stream().map((request) -> request.headers().getFirst("Idempotency-Key")).toList();
	}

	private static List<EventBatch> batches(int count) {
		List<RoktEvent> events = new ArrayList<>();
		for (int i = 1; i <= count * 3; i++) {
			events.add(new RoktEvent("c-" + i, "conversion", "2026-12-03T10:15:30Z", List.of()));
		}
		return EventBatch.split(events, 3);
	}

	private static SampleProperties.Retry quickRetry() {
		SampleProperties.Retry retry = new SampleProperties.Retry();
		retry.setFirstBackoff(Duration.ofMillis(1));
		retry.setMaxBackoff(Duration.ofMillis(5));
		return retry;
	}

	private static ClientResponse answer(HttpStatus status, String body) {
		return ClientResponse.create(status, ExchangeStrategies.withDefaults())
			.header("Content-Type", body.startsWith("<") ? "text/html" : "application/json")
			.body(body)
			.build();
	}

}
