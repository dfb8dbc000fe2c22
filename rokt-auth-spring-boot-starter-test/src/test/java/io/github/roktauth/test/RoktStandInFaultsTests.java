package io.github.roktauth.test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for the {@link Faults} of a {@link RoktStandIn}.
 */
class RoktStandInFaultsTests {

	private final RoktStandIn standIn = RoktStandIn.start();

	private final RawRokt rokt = new RawRokt(this.standIn);

	@AfterEach
	void close() {
		this.standIn.close();
	}

	@Test
	void answersServiceUnavailableWithAnHtmlPageThenRecovers() {
		this.standIn.faults().token(TokenFault.SERVICE_UNAVAILABLE_HTML, 2);
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> response = validTokenRequest();
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
			assertThat(response.body()).startsWith("<html>");
		}
		assertThat(validTokenRequest().statusCode()).isEqualTo(200);
		assertThat(this.standIn.tokenRequests()).isEqualTo(3);
		assertThat(this.standIn.tokensIssued()).isEqualTo(1);
	}

	@Test
	void answersTooManyRequestsWithRetryAfter() {
		this.standIn.faults().token(TokenFault.TOO_MANY_REQUESTS, 1);
		HttpResponse<String> response = validTokenRequest();
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(validTokenRequest().statusCode()).isEqualTo(200);
	}

	@Test
	void answersInvalidClientDespiteGoodCredentials() {
		this.standIn.faults().token(TokenFault.INVALID_CLIENT, 1);
		HttpResponse<String> response = validTokenRequest();
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\"}");
	}

	@Test
	void resetsTheConnection() {
		this.standIn.faults().token(TokenFault.CONNECTION_RESET, 1);
		assertThatThrownBy(this::validTokenRequest).hasCauseInstanceOf(IOException.class);
		assertThat(validTokenRequest().statusCode()).isEqualTo(200);
		assertThat(this.standIn.tokenRequests()).isEqualTo(2);
	}

	@Test
	void delaysTokenAnswers() {
		this.standIn.faults().tokenDelay(Duration.ofMillis(400), 1);
		long start = System.nanoTime();
		assertThat(validTokenRequest().statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(this.standIn.tokensIssued()).isEqualTo(1);
		start = System.nanoTime();
		validTokenRequest();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(400));
	}

	@Test
	void appliesFaultsOfOneEndpointInTheOrderArmed() {
		this.standIn.faults()
			.token(TokenFault.SERVICE_UNAVAILABLE_HTML, 1)
			.token(TokenFault.TOO_MANY_REQUESTS, 1);
		assertThat(validTokenRequest().statusCode()).isEqualTo(503);
		assertThat(validTokenRequest().statusCode()).isEqualTo(429);
		assertThat(validTokenRequest().statusCode()).isEqualTo(200);
	}

	@Test
	void answersUnauthorizedDespiteAValidToken() {
		String token = this.rokt.accessToken();
		this.standIn.faults().events(EventsFault.UNAUTHORIZED, 1);
		HttpResponse<String> response = this.rokt.events(token, Events.batchOf(1, Instant.now()));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(RawRokt.json(response).at("/data/code").asText()).isEqualTo("UnauthorizedError");
		assertThat(this.rokt.events(token, Events.batchOf(1, Instant.now())).statusCode()).isEqualTo(200);
	}

	@Test
	void answersServerErrorAndAcceptsTheRetryWithTheSameIdempotencyKey() {
		String token = this.rokt.accessToken();
		this.standIn.faults().events(EventsFault.SERVER_ERROR, 1);
		String key = UUID.randomUUID().toString();
		String body = Events.batchOf(2, Instant.now());
		assertThat(postEvents(token, key, body).statusCode()).isEqualTo(500);
		assertThat(postEvents(token, key, body).statusCode()).isEqualTo(200);
		assertThat(this.standIn.idempotencyKeys()).containsExactly(key, key);
		assertThat(this.standIn.receivedBatches()).containsExactly(new ReceivedBatch("3183", key, 2, 0, 200));
		assertThat(this.standIn.eventRequests()).isEqualTo(2);
	}

	@Test
	void answersEventsTooManyRequestsWithRetryAfter() {
		String token = this.rokt.accessToken();
		this.standIn.faults().events(EventsFault.TOO_MANY_REQUESTS, 1);
		HttpResponse<String> response = this.rokt.events(token, Events.batchOf(1, Instant.now()));
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
	}

	@Test
	void keepsFaultsOfOneEndpointAwayFromTheOther() {
		this.standIn.faults().events(EventsFault.SERVER_ERROR, 1);
		assertThat(validTokenRequest().statusCode()).isEqualTo(200);
		this.standIn.faults().clear();
		this.standIn.faults().token(TokenFault.INVALID_CLIENT, 1);
		assertThat(validTokenRequest().statusCode()).isEqualTo(401);
	}

	@Test
	void clearDisarmsEveryFault() {
		this.standIn.faults().token(TokenFault.INVALID_CLIENT, 5).events(EventsFault.SERVER_ERROR, 5);
		this.standIn.faults().clear();
		String token = this.rokt.accessToken();
		assertThat(this.rokt.events(token, Events.batchOf(1, Instant.now())).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesToArmAFaultForNoRequests() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.standIn.faults().token(TokenFault.INVALID_CLIENT, 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.standIn.faults().tokenDelay(Duration.ofSeconds(-1), 1));
	}

	private HttpResponse<String> validTokenRequest() {
		return this.rokt.token("Authorization", this.rokt.basic(), "Content-Type", RawRokt.FORM);
	}

	private HttpResponse<String> postEvents(String token, String key, String body) {
		return this.rokt.post(RoktStandIn.EVENTS_PATH, body, "Authorization", "Bearer " + token, "Content-Type",
				"application/json", "Rokt-Version", "2020-05-21", "Idempotency-Key", key);
	}

}
