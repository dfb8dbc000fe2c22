package io.github.roktauth.client;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.roktauth.client.RoktTokenStubs.TOKEN_PATH;
import static io.github.roktauth.client.RoktTokenStubs.token;
import static io.github.roktauth.client.RoktTokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 3, points 6 to 8: the token request times out, retries what may succeed on a
 * second try and nothing else, and fails with a message that says what to check.
 */
class RoktTokenEndpointFaultTests {

	@RegisterExtension
	static WireMockExtension rokt = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@Test
	void timesOutAfterTheResponseTimeoutWithAMessageSayingSo() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("late", 3600).withFixedDelay(3000)));

		StepVerifier.create(fetch(3, Duration.ofMillis(300)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(RoktAuthenticationException.class,
					(failure) -> {
						assertThat(failure.getReason()).isEqualTo(RoktAuthenticationException.Reason.TIMEOUT);
						assertThat(failure).hasMessageContaining("timed out after 300 ms")
							.hasMessageContaining("rokt.token.response-timeout");
					}))
			.verify(Duration.ofSeconds(2));
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504, 429 })
	void retriesTransientStatusesUntilItGetsAToken(int status) {
		failTwiceThen(aResponse().withStatus(status).withBody("{\"error\":\"temporarily_unavailable\"}"),
				token("after-retries", 3600));

		StepVerifier.create(fetch(3, Duration.ofSeconds(5)))
			.assertNext((response) -> assertThat(response.getAccessToken().getTokenValue()).isEqualTo("after-retries"))
			.verifyComplete();

		rokt.verify(exactly(3), tokenRequests());
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE",
			"MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE" })
	void retriesConnectionFaultsAndThenReportsThem(Fault fault) {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withFault(fault)));

		StepVerifier.create(fetch(3, Duration.ofSeconds(5)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(RoktAuthenticationException.class,
					(failure) -> {
						assertThat(failure.getReason()).isEqualTo(RoktAuthenticationException.Reason.IO_ERROR);
						assertThat(failure).hasMessageContaining("could not be reached or dropped the connection")
							.hasMessageContaining("check rokt.token-uri");
					}))
			.verify(Duration.ofSeconds(10));

		rokt.verify(exactly(3), tokenRequests());
	}

	@Test
	void stopsAfterMaxAttempts() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)));

		StepVerifier.create(fetch(4, Duration.ofSeconds(5)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RoktAuthenticationException.class)
				.hasMessageContaining("HTTP 503"))
			.verify(Duration.ofSeconds(10));

		rokt.verify(exactly(4), tokenRequests());
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403, 404 })
	void doesNotRetryOtherClientErrors(int status) {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_request\"}")));

		StepVerifier.create(fetch(3, Duration.ofSeconds(5)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(RoktAuthenticationException.class,
					(failure) -> assertThat(failure.getHttpStatus()).isEqualTo(status)))
			.verify(Duration.ofSeconds(10));

		rokt.verify(exactly(1), tokenRequests());
	}

	@Test
	void stopsRetryingWhenRetryAfterIsLongerThanTheMaximumBackoff() {
		failTwiceThen(aResponse().withStatus(429).withHeader("Retry-After", "30"), token("after-429", 3600));

		StepVerifier.create(fetch(3, Duration.ofSeconds(5)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(RoktAuthenticationException.class,
					(failure) -> assertThat(failure.getRetryAfter()).isEqualTo(Duration.ofSeconds(30))))
			.verify(Duration.ofSeconds(5));

		rokt.verify(exactly(1), tokenRequests());
	}

	@Test
	void readsRetryAfterFromTheTokenEndpoint() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

		StepVerifier.create(fetch(1, Duration.ofSeconds(5)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(RoktAuthenticationException.class,
					(failure) -> {
						assertThat(failure.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
						assertThat(failure.isTransient()).isTrue();
						assertThat(failure).hasMessageContaining("HTTP 429").hasMessageContaining("Retry-After 7 s");
					}))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void waitsAsLongAsRetryAfterAsksWithinTheMaximumBackoff() {
		TokenFetchRetry retry = new TokenFetchRetry(3, Duration.ofMillis(1), Duration.ofSeconds(5));
		AtomicInteger attempts = new AtomicInteger();
		RoktAuthenticationException rateLimited = new RoktAuthenticationException(
				RoktAuthenticationException.Reason.HTTP_STATUS, "rokt", "rate limited", 429, Duration.ofSeconds(3),
				null);

		StepVerifier
			.withVirtualTime(() -> Mono.defer(() -> (attempts.incrementAndGet() == 1) ? Mono.error(rateLimited)
					: Mono.just("token")).retryWhen(retry))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(2999))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("token")
			.verifyComplete();
		assertThat(attempts).hasValue(2);
	}

	@Test
	void backsOffExponentiallyWithJitterUpToTheMaximum() {
		TokenFetchRetry retry = new TokenFetchRetry(10, Duration.ofMillis(200), Duration.ofSeconds(1));
		Set<Duration> firstDelays = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			Duration first = retry.delayBefore(0, null);
			Duration second = retry.delayBefore(1, null);
			firstDelays.add(first);
			assertThat(first).isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
			assertThat(second).isBetween(Duration.ofMillis(200), Duration.ofMillis(600));
			assertThat(retry.delayBefore(8, null)).isLessThanOrEqualTo(Duration.ofSeconds(1));
		}
		assertThat(firstDelays).as("jittered").hasSizeGreaterThan(1);
		assertThat(retry.delayBefore(0, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void saysWhenTheTokenEndpointAnswersHtml() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "text/html")
			.withBody("<!DOCTYPE html><html><body><h1>503 Service Temporarily Unavailable</h1></body></html>")));

		assertThat(failure(1)).hasMessageContaining("token endpoint answered HTML, not JSON (status 503)");
	}

	@Test
	void saysWhenASuccessfulAnswerIsNotJson() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/plain")
			.withBody("OK")));

		RoktAuthenticationException failure = failure(1);

		assertThat(failure.getReason()).isEqualTo(RoktAuthenticationException.Reason.INVALID_RESPONSE);
		assertThat(failure).hasMessageContaining("answered text, not JSON (status 200)")
			.hasMessageContaining("check rokt.token-uri");
	}

	@Test
	void pointsAtTheCredentialPropertiesOnInvalidClient() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));

		RoktAuthenticationException failure = failure(3);

		assertThat(failure.getReason()).isEqualTo(RoktAuthenticationException.Reason.INVALID_CLIENT);
		assertThat(failure.getHttpStatus()).isEqualTo(400);
		assertThat(failure).hasMessageContaining("HTTP 400")
			.hasMessageContaining("invalid_client")
			.hasMessageContaining("Client authentication failed")
			.hasMessageContaining("check rokt.client-id and rokt.client-secret");
		rokt.verify(exactly(1), tokenRequests());
	}

	@Test
	void namesTheOAuthErrorAndDescription() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"unsupported_grant_type\",\"error_description\":\"grant not enabled\"}")));

		assertThat(failure(1)).hasMessageContaining("HTTP 400")
			.hasMessageContaining("unsupported_grant_type")
			.hasMessageContaining("grant not enabled");
	}

	@Test
	void answersCallersWithinTheCooldownWithTheSameFailureWithoutANewRequest() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_client\"}")));
		MutableClock clock = new MutableClock();
		RoktAuthorizedClientManager manager = RoktAuthorizedClientManager
			.builder(RoktTokenStubs.registration(rokt.baseUrl()),
					RoktTokenResponseClient.create(WebClient.create(), RoktTokenStubs.settings()))
			.clock(clock)
			.failureCooldown(Duration.ofSeconds(2))
			.build();
		RoktAuthenticationException first = catchFailure(manager);

		for (int i = 0; i < 100; i++) {
			clock.advance(Duration.ofMillis(19));
			RoktAuthenticationException again = catchFailure(manager);
			assertThat(again).hasMessage(first.getMessage()).isNotSameAs(first);
			assertThat(again.getReason()).isEqualTo(first.getReason());
			// Each caller gets its own copy, so blocking callers do not pile suppressed exceptions onto one.
			assertThat(again.getSuppressed()).hasSizeLessThanOrEqualTo(1);
		}
		rokt.verify(exactly(1), tokenRequests());

		clock.advance(Duration.ofMillis(100));
		assertThat(catchFailure(manager)).isNotNull();
		rokt.verify(exactly(2), tokenRequests());
	}

	private static RoktAuthenticationException catchFailure(RoktAuthorizedClientManager manager) {
		return catchThrowableOfType(RoktAuthenticationException.class,
				() -> manager.authorizedClient().block(Duration.ofSeconds(10)));
	}

	private RoktAuthenticationException failure(int maxAttempts) {
		Mono<OAuth2AccessTokenResponse> fetch = fetch(maxAttempts, Duration.ofSeconds(5));
		return catchThrowableOfType(RoktAuthenticationException.class, () -> fetch.block(Duration.ofSeconds(10)));
	}

	private void failTwiceThen(ResponseDefinitionBuilder failure, ResponseDefinitionBuilder success) {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(failure)
			.willSetStateTo("failed once"));
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("flaky")
			.whenScenarioStateIs("failed once")
			.willReturn(failure)
			.willSetStateTo("recovered"));
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("flaky").whenScenarioStateIs("recovered").willReturn(success));
	}

	private static Mono<OAuth2AccessTokenResponse> fetch(int maxAttempts, Duration responseTimeout) {
		RoktTokenResponseClient client = RoktTokenResponseClient.create(WebClient.create(),
				RoktTokenStubs.settings(maxAttempts, responseTimeout));
		return client.getTokenResponse(
				new OAuth2ClientCredentialsGrantRequest(RoktTokenStubs.registration(rokt.baseUrl())));
	}

}
