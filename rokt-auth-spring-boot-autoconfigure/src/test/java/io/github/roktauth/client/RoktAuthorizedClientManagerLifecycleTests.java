package io.github.roktauth.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.roktauth.client.RoktTokenStubs.TOKEN_PATH;
import static io.github.roktauth.client.RoktTokenStubs.token;
import static io.github.roktauth.client.RoktTokenStubs.tokenBody;
import static io.github.roktauth.client.RoktTokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3, points 2 and 3: refresh ahead of expiry without making callers wait, and token
 * lifetimes that never cause a refetch loop. Time moves only through {@link MutableClock}.
 */
class RoktAuthorizedClientManagerLifecycleTests {

	@RegisterExtension
	static WireMockExtension rokt = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final MutableClock clock = new MutableClock();

	private RoktTokenStubs.CountingTokenClient tokenClient;

	@Test
	void servesTheCurrentTokenWhileOneBackgroundRefreshRuns() {
		stubTokens(token("token-1", 3600), token("token-2", 3600).withFixedDelay(1000));
		RoktAuthorizedClientManager manager = manager(RoktTokenStubs.settings());
		assertThat(tokenOf(manager)).isEqualTo("token-1");

		this.clock.advance(Duration.ofSeconds(3600 - 30));
		for (int i = 0; i < 1000; i++) {
			CompletableFuture<OAuth2AuthorizedClient> call = manager.authorizedClient().toFuture();
			assertThat(call).as("answered without waiting for the refresh").isCompleted();
			assertThat(call.join().getAccessToken().getTokenValue()).isEqualTo("token-1");
		}
		assertThat(this.tokenClient.started()).as("fetches started").isEqualTo(2);
		awaitTokenExpiringAt(manager, this.clock.instant().plusSeconds(3600));

		assertThat(tokenOf(manager)).isEqualTo("token-2");
		rokt.verify(exactly(2), tokenRequests());
	}

	@Test
	void refreshesAShortLivedTokenOnlyInTheSecondHalfOfItsLife() {
		stubTokens(token("five-seconds-1", 5), token("five-seconds-2", 5));
		RoktAuthorizedClientManager manager = manager(RoktTokenStubs.settings());
		assertThat(tokenOf(manager)).isEqualTo("five-seconds-1");

		for (int i = 0; i < 24; i++) {
			this.clock.advance(Duration.ofMillis(100));
			for (int call = 0; call < 50; call++) {
				assertThat(tokenOf(manager)).isEqualTo("five-seconds-1");
			}
		}
		assertThat(this.tokenClient.started()).as("fetches started").isEqualTo(1);

		this.clock.advance(Duration.ofMillis(100));
		assertThat(tokenOf(manager)).isEqualTo("five-seconds-1");
		// The background refresh starts on another thread.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.tokenClient.started()).as("fetches started").isEqualTo(2));
		awaitTokenExpiringAt(manager, this.clock.instant().plusSeconds(5));
		assertThat(tokenOf(manager)).isEqualTo("five-seconds-2");
		rokt.verify(exactly(2), tokenRequests());
	}

	@Test
	void keepsServingTheValidTokenWhenARefreshFailsAndRetriesAfterABackoff() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("refresh")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(token("token-1", 3600))
			.willSetStateTo("failing"));
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("refresh")
			.whenScenarioStateIs("failing")
			.willReturn(aResponse().withStatus(503).withBody("<html><body>503 Service Unavailable</body></html>")));
		RoktAuthorizedClientManager manager = manager(RoktTokenStubs.settings());
		assertThat(tokenOf(manager)).isEqualTo("token-1");

		this.clock.advance(Duration.ofSeconds(3600 - 30));
		assertThat(tokenOf(manager)).isEqualTo("token-1");
		await().atMost(Duration.ofSeconds(10)).until(() -> manager.status().lastFailure() != null);
		for (int i = 0; i < 100; i++) {
			assertThat(tokenOf(manager)).isEqualTo("token-1");
		}
		assertThat(this.tokenClient.started()).as("fetches started").isEqualTo(2);
		rokt.verify(exactly(2), tokenRequests());
		assertThat(manager.status().lastFailure()).hasMessageContaining("503");

		// The newest stub wins: the endpoint has recovered.
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("token-2", 3600)));
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(tokenOf(manager)).isEqualTo("token-1");
		awaitTokenExpiringAt(manager, this.clock.instant().plusSeconds(3600));
		assertThat(tokenOf(manager)).isEqualTo("token-2");
		rokt.verify(exactly(3), tokenRequests());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ",\"expires_in\":0", ",\"expires_in\":-5", ",\"expires_in\":\"abc\"",
			",\"expires_in\":null", ",\"expires_in\":\"\"", ",\"expires_in\":1.0E30", ",\"expires_in\":1000000000000",
			",\"expires_in\":\"99999999999999999999999\"" })
	void fallsBackToTheDefaultLifetimeOrACapInsteadOfRefetching(String expiresIn) {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH))
			.willReturn(tokenBody("{\"access_token\":\"opaque\",\"token_type\":\"Bearer\"" + expiresIn + "}")));
		RoktAuthorizedClientManager manager = manager(RoktTokenStubs.settings());
		Instant receivedAt = this.clock.instant();

		for (int i = 0; i < 200; i++) {
			assertThat(tokenOf(manager)).isEqualTo("opaque");
			this.clock.advance(Duration.ofSeconds(10));
		}

		assertThat(this.tokenClient.started()).as("fetches started").isEqualTo(1);
		rokt.verify(exactly(1), tokenRequests());
		assertThat(manager.status().expiresAt()).isBetween(receivedAt.plus(Duration.ofHours(1)),
				receivedAt.plus(Duration.ofDays(1)));
	}

	@Test
	void usesTheConfiguredDefaultLifetimeWhenExpiresInIsMissing() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(tokenBody("{\"access_token\":\"opaque\"}")));
		RoktTokenSettings defaults = RoktTokenStubs.settings();
		RoktTokenSettings settings = new RoktTokenSettings("rokt", defaults.refreshBefore(), Duration.ofMinutes(20),
				defaults.responseTimeout(), 1, defaults.initialBackoff(), defaults.maxBackoff(),
				defaults.failureCooldown());
		RoktAuthorizedClientManager manager = manager(settings);

		assertThat(tokenOf(manager)).isEqualTo("opaque");

		assertThat(manager.status().expiresAt()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(20)));
	}

	@Test
	void countsExpiryFromReceiptOnTheInjectedClockNotFromTheJwt() {
		String expiredJwt = jwtWithExp(1);
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token(expiredJwt, 3600)));
		this.clock.set(Instant.parse("2041-06-01T12:00:00Z"));
		RoktAuthorizedClientManager manager = manager(RoktTokenStubs.settings());

		assertThat(tokenOf(manager)).isEqualTo(expiredJwt);
		this.clock.advance(Duration.ofMinutes(50));
		assertThat(tokenOf(manager)).isEqualTo(expiredJwt);

		assertThat(manager.status().expiresAt()).isEqualTo(Instant.parse("2041-06-01T13:00:00Z"));
		assertThat(this.tokenClient.started()).as("fetches started").isEqualTo(1);
	}

	private void stubTokens(ResponseDefinitionBuilder first, ResponseDefinitionBuilder second) {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(first)
			.willSetStateTo("second"));
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("second").willReturn(second));
	}

	private RoktAuthorizedClientManager manager(RoktTokenSettings settings) {
		this.tokenClient = new RoktTokenStubs.CountingTokenClient(
				RoktTokenResponseClient.create(WebClient.create(), settings));
		return RoktAuthorizedClientManager.builder(RoktTokenStubs.registration(rokt.baseUrl()), this.tokenClient)
			.clock(this.clock)
			.refreshBefore(settings.refreshBefore())
			.failureCooldown(settings.failureCooldown())
			.build();
	}

	// Background fetches finish on another thread; wait for their effect, not for time to pass.
	private static void awaitTokenExpiringAt(RoktAuthorizedClientManager manager, Instant expiresAt) {
		await().atMost(Duration.ofSeconds(10)).until(() -> expiresAt.equals(manager.status().expiresAt()));
	}

	private static String tokenOf(RoktAuthorizedClientManager manager) {
		return manager.authorizedClient().block(Duration.ofSeconds(10)).getAccessToken().getTokenValue();
	}

	private static String jwtWithExp(long exp) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		return encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ encoder.encodeToString(("{\"exp\":" + exp + ",\"token_use\":\"access\"}").getBytes(StandardCharsets.UTF_8))
				+ ".sig";
	}

}
