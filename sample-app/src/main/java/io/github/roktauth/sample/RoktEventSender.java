package io.github.roktauth.sample;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.roktauth.sample.EventsResponse.ErrorBody;
import io.github.roktauth.sample.EventsResponse.ErrorDetail;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Sends event batches to Rokt's {@code POST /v1/events} through the starter's {@code roktWebClient}, retrying a
 * batch with the same {@code Idempotency-Key} after 5xx, 429, timeouts and I/O errors.
 */
public final class RoktEventSender {

	/** Event API version this client is written against. */
	public static final String ROKT_VERSION = "2020-05-21";

	private final WebClient rokt;

	private final String accountId;

	private final SampleProperties.Retry retry;

	private final Duration requestTimeout;

	/**
	 * Create a sender.
	 * @param rokt client that adds Rokt's bearer token, with Rokt's base URL
	 * @param accountId Rokt account the events belong to
	 * @param retry retry settings
	 * @param requestTimeout longest wait for one answer
	 */
	public RoktEventSender(WebClient rokt, String accountId, SampleProperties.Retry retry, Duration requestTimeout) {
		this.rokt = rokt;
		this.accountId = accountId;
		this.retry = retry;
		this.requestTimeout = requestTimeout;
	}

	/**
	 * Send one batch, retrying it as configured.
	 * @param batch the batch
	 * @return what became of it; never an error signal
	 */
	public Mono<BatchOutcome> send(EventBatch batch) {
		EventsRequest body = new EventsRequest(this.accountId, batch.events());
		AtomicInteger attempts = new AtomicInteger();
		Mono<List<RejectedEvent>> attempt = Mono.defer(() -> {
			attempts.incrementAndGet();
			return this.rokt.post()
				.uri("/v1/events")
				.header("Rokt-Version", ROKT_VERSION)
				.header("Idempotency-Key", batch.idempotencyKey().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchangeToMono(this::rejectedEvents)
				.timeout(this.requestTimeout);
		});
		return attempt.retryWhen(retrySpec())
			.map((rejected) -> new BatchOutcome(batch, attempts.get(), rejected, null))
			.onErrorResume((ex) -> Mono.just(new BatchOutcome(batch, attempts.get(), List.of(), describe(ex))));
	}

	private Mono<List<RejectedEvent>> rejectedEvents(ClientResponse response) {
		HttpStatusCode status = response.statusCode();
		if (status.is2xxSuccessful()) {
			return response.bodyToMono(EventsResponse.class)
				.map(EventsResponse::rejectedEvents)
				.defaultIfEmpty(List.of());
		}
		if (status.is5xxServerError() || status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
			Duration wait = retryAfter(response);
			return response.releaseBody()
				.then(Mono.delay(wait))
				.then(Mono.error(new RetryableStatusException(status)));
		}
		return response.bodyToMono(ErrorBody.class)
			.onErrorResume((ex) -> Mono.empty())
			.mapNotNull(ErrorBody::data)
			.defaultIfEmpty(new ErrorDetail(null, null))
			.flatMap((error) -> Mono.error(new RejectedRequestException(status, error)));
	}

	private Duration retryAfter(ClientResponse response) {
		String value = response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || !value.trim().matches("\\d{1,9}")) {
			return Duration.ZERO;
		}
		Duration wait = Duration.ofSeconds(Long.parseLong(value.trim()));
		return (wait.compareTo(this.retry.getMaxBackoff()) > 0) ? this.retry.getMaxBackoff() : wait;
	}

	private Retry retrySpec() {
		return Retry.backoff(this.retry.getMaxRetries(), this.retry.getFirstBackoff())
			.maxBackoff(this.retry.getMaxBackoff())
			.filter(RoktEventSender::isRetryable)
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	private static boolean isRetryable(Throwable ex) {
		return ex instanceof RetryableStatusException || ex instanceof WebClientRequestException
				|| ex instanceof TimeoutException;
	}

	private static String describe(Throwable ex) {
		if (ex instanceof TimeoutException) {
			return "no answer in time";
		}
		if (ex instanceof WebClientRequestException requestException) {
			return "I/O error: " + requestException.getMostSpecificCause().getMessage();
		}
		return String.valueOf(ex.getMessage());
	}

	/**
	 * Body of {@code POST /v1/events}.
	 *
	 * @param accountId Rokt account the events belong to
	 * @param events events of one batch
	 */
	record EventsRequest(String accountId, List<RoktEvent> events) {
	}

	/** An answer worth retrying: 5xx or 429. */
	static final class RetryableStatusException extends RuntimeException {

		RetryableStatusException(HttpStatusCode status) {
			super("HTTP " + status.value(), null, false, false);
		}

	}

	/** An answer that retrying cannot fix, such as 400, 403 or 409. */
	static final class RejectedRequestException extends RuntimeException {

		RejectedRequestException(HttpStatusCode status, ErrorDetail error) {
			super("HTTP " + status.value() + ((error.code() != null) ? " " + error.code() : "")
					+ ((error.message() != null) ? ": " + error.message() : ""), null, false, false);
		}

	}

}
