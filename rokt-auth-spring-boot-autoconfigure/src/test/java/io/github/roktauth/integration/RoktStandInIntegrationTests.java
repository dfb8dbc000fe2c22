package io.github.roktauth.integration;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.roktauth.client.RoktAuthenticationException;
import io.github.roktauth.client.RoktAuthorizedClientManager;
import io.github.roktauth.client.RoktBearerExchangeFilterFunction;
import io.github.roktauth.client.RoktTokenResponseClient;
import io.github.roktauth.client.RoktTokenSettings;
import io.github.roktauth.client.TokenOrigins;
import io.github.roktauth.test.EventsFault;
import io.github.roktauth.test.ReceivedEvent;
import io.github.roktauth.test.RoktStandIn;
import io.github.roktauth.test.autoconfigure.AutoConfigureRoktStandIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The starter end to end against the faithful Rokt stand-in: a Spring Boot application
 * with nothing but the starter sends events through {@code roktWebClient}.
 */
@SpringBootTest(properties = "spring.main.web-application-type=none")
@AutoConfigureRoktStandIn
class RoktStandInIntegrationTests {

	@Autowired
	RoktStandIn standIn;

	@Autowired
	@Qualifier("roktWebClient")
	WebClient rokt;

	@Test
	void sendsEventsWithOneTokenForManyBatches() {
		for (int i = 0; i < 3; i++) {
			assertThat(send("evt-" + i).value()).isEqualTo(200);
		}
		assertThat(this.standIn.tokenRequests()).isEqualTo(1);
		assertThat(this.standIn.receivedEvents()).extracting(ReceivedEvent::clientEventId)
			.containsExactly("evt-0", "evt-1", "evt-2");
		assertThat(this.standIn.receivedEvents()).allMatch(ReceivedEvent::accepted);
	}

	@Test
	void getsAFreshTokenAndRetriesOnceWhenRoktRefusesAnExpiredOne() {
		assertThat(send("before-expiry").value()).isEqualTo(200);
		int issuedBefore = this.standIn.tokensIssued();
		this.standIn.expireIssuedTokens();
		assertThat(send("after-expiry").value()).isEqualTo(200);
		assertThat(this.standIn.tokensIssued()).isEqualTo(issuedBefore + 1);
		assertThat(this.standIn.eventRequests()).isEqualTo(3);
		assertThat(this.standIn.receivedEvents()).extracting(ReceivedEvent::clientEventId)
			.containsExactly("before-expiry", "after-expiry");
	}

	@Test
	void returnsASecondUnauthorizedToTheCallerAsIs() {
		this.standIn.faults().events(EventsFault.UNAUTHORIZED, 2);
		assertThat(send("twice-refused").value()).isEqualTo(401);
		assertThat(this.standIn.eventRequests()).isEqualTo(2);
	}

	private HttpStatusCode send(String clientEventId) {
		Map<String, Object> event = Map.of("clientEventId", clientEventId, "eventType", "conversion", "eventTime",
				Instant.now().minusSeconds(60).toString(), "objectData",
				List.of(Map.of("name", "emailsha256", "value",
						"973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b")));
		return this.rokt.post()
			.uri("/v1/events")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Rokt-Version", "2020-05-21")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(Map.of("accountId", "1234", "events", List.of(event)))
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode()))
			.block(Duration.ofSeconds(10));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

	@Test
	void standInRefusesAWrongSecret() {
		try (RoktStandIn strict = RoktStandIn.builder().clientSecret("the-right-secret").start()) {
			WebClient client = WebClient.builder()
				.baseUrl(strict.baseUrl())
				.filter(new RoktBearerExchangeFilterFunction(
						RoktAuthorizedClientManager
							.builder(ClientRegistration.withRegistrationId("rokt")
								.clientId(strict.clientId())
								.clientSecret("a-wrong-secret")
								.authorizationGrantType(
										AuthorizationGrantType.CLIENT_CREDENTIALS)
								.tokenUri(strict.tokenUri())
								.build(), RoktTokenResponseClient.create(WebClient.create(),
										RoktTokenSettings.defaults("rokt")))
							.build(),
						TokenOrigins.of(URI.create(strict.baseUrl()))))
				.build();
			assertThatThrownBy(() -> client.post().uri("/v1/events").bodyValue("{}").retrieve().toBodilessEntity().block())
				.isInstanceOf(RoktAuthenticationException.class)
				.hasMessageContaining("invalid_client")
				.hasMessageNotContaining("a-wrong-secret");
			assertThat(strict.tokenRequests()).isEqualTo(1);
			assertThat(strict.tokensIssued()).isZero();
			assertThat(strict.eventRequests()).isZero();
		}
	}

}
