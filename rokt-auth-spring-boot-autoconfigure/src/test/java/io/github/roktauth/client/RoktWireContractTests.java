package io.github.roktauth.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.roktauth.autoconfigure.RoktAuthAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rokt's token endpoint contract (ROKT.md section 1), verified on the wire through the
 * auto-configured {@code roktWebClient}. The token stub only answers a request that has
 * exactly the expected Basic header, content type and body; anything else gets a 404.
 */
class RoktWireContractTests {

	private static final String TOKEN_PATH = "/auth/oauth2/token";

	private static final String CLIENT_ID = "my client";

	private static final String CLIENT_SECRET = "p+s/w=r%d:x";

	@RegisterExtension
	static WireMockExtension rokt = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private ApplicationContextRunner contextRunner(String clientId, String clientSecret) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RoktAuthAutoConfiguration.class, WebClientAutoConfiguration.class))
			.withPropertyValues("rokt.token-uri=" + rokt.baseUrl() + TOKEN_PATH, "rokt.base-url=" + rokt.baseUrl(),
					"rokt.client-id=" + clientId, "rokt.client-secret=" + clientSecret);
	}

	private void stubToken(String clientId, String clientSecret, String responseJson) {
		rokt.stubFor(post(TOKEN_PATH)
			.withHeader("Authorization", equalTo("Basic " + rawBasic(clientId, clientSecret)))
			.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
			.withRequestBody(equalTo("grant_type=client_credentials"))
			.willReturn(okJson(responseJson)));
	}

	private void stubEvents(String token) {
		rokt.stubFor(post("/v1/events").withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(okJson("{\"data\":{\"unprocessedRecords\":[]}}")));
	}

	@Test
	void sendsRawBase64OfClientIdColonSecretWithoutFormEncodingFirst() {
		stubToken(CLIENT_ID, CLIENT_SECRET, "{\"Access_token\":\"tok-1\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
		stubEvents("tok-1");
		run(CLIENT_ID, CLIENT_SECRET, (context) -> {
			assertThat(postEvents(context).getStatusCode().value()).isEqualTo(200);
			// The value Rokt's page prescribes, spelled out: base64("my client:p+s/w=r%d:x").
			rokt.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)).withHeader("Authorization",
					equalTo("Basic bXkgY2xpZW50OnArcy93PXIlZDp4")));
		});
	}

	@Test
	void encodesNonAsciiCredentialsAsUtf8() {
		String secret = "grüße-€";
		stubToken("client", secret, "{\"access_token\":\"tok-utf8\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
		stubEvents("tok-utf8");
		run("client", secret, (context) -> assertThat(postEvents(context).getStatusCode().value()).isEqualTo(200));
	}

	@Test
	void matchesTheExampleOnRoktsPage() {
		assertThat(rawBasic("12345", "abcde")).isEqualTo("MTIzNDU6YWJjZGU=");
		stubToken("12345", "abcde", "{\"Access_token\":\"tok-page\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
		stubEvents("tok-page");
		run("12345", "abcde", (context) -> {
			postEvents(context);
			rokt.verify(postRequestedFor(urlEqualTo(TOKEN_PATH)).withHeader("Authorization",
					equalTo("Basic MTIzNDU6YWJjZGU=")));
		});
	}

	@Test
	void postsGrantTypeClientCredentialsAsAFormAndAcceptsJson() {
		stubToken(CLIENT_ID, CLIENT_SECRET, "{\"access_token\":\"tok-2\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
		stubEvents("tok-2");
		run(CLIENT_ID, CLIENT_SECRET, (context) -> {
			postEvents(context);
			rokt.verify(exactly(1),
					postRequestedFor(urlEqualTo(TOKEN_PATH))
						.withHeader("Content-Type", matching("application/x-www-form-urlencoded(;.*)?"))
						.withHeader("Accept", containing("application/json"))
						.withRequestBody(equalTo("grant_type=client_credentials")));
		});
	}

	@Test
	void acceptsAccessTokenSpelledWithCapitalAAsOnRoktsPage() {
		stubToken(CLIENT_ID, CLIENT_SECRET, "{\"Access_token\":\"tok-capital\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
		stubEvents("tok-capital");
		run(CLIENT_ID, CLIENT_SECRET, (context) -> {
			assertThat(postEvents(context).getStatusCode().value()).isEqualTo(200);
			rokt.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/events")).withHeader("Authorization",
					equalTo("Bearer tok-capital")));
		});
	}

	@Test
	void acceptsLowercaseAccessToken() {
		stubToken(CLIENT_ID, CLIENT_SECRET, "{\"access_token\":\"tok-lower\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
		stubEvents("tok-lower");
		run(CLIENT_ID, CLIENT_SECRET, (context) -> assertThat(postEvents(context).getStatusCode().value()).isEqualTo(200));
	}

	@Test
	void readsExpiresInGivenAsAString() {
		stubToken(CLIENT_ID, CLIENT_SECRET, "{\"access_token\":\"tok-str\",\"expires_in\":\"1800\",\"token_type\":\"Bearer\"}");
		stubEvents("tok-str");
		run(CLIENT_ID, CLIENT_SECRET, (context) -> {
			Instant before = Instant.now();
			postEvents(context);
			Instant expiresAt = manager(context).status().expiresAt();
			assertThat(expiresAt).isBetween(before.plus(Duration.ofSeconds(1790)), Instant.now().plusSeconds(1800));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"token_type\":\"bearer\",", "\"token_type\":\"BEARER\",", "" })
	void acceptsTokenTypeInAnyCaseOrAbsent(String tokenType) {
		stubToken(CLIENT_ID, CLIENT_SECRET, "{" + tokenType + "\"access_token\":\"tok-type\",\"expires_in\":3600}");
		stubEvents("tok-type");
		run(CLIENT_ID, CLIENT_SECRET, (context) -> assertThat(postEvents(context).getStatusCode().value()).isEqualTo(200));
	}

	@Test
	void reusesOneTokenForManyCalls() {
		stubToken(CLIENT_ID, CLIENT_SECRET, "{\"Access_token\":\"tok-reuse\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
		stubEvents("tok-reuse");
		run(CLIENT_ID, CLIENT_SECRET, (context) -> {
			for (int i = 0; i < 25; i++) {
				postEvents(context);
			}
			rokt.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			rokt.verify(exactly(25), postRequestedFor(urlEqualTo("/v1/events")));
		});
	}

	@Test
	void appliesBootsWebClientCustomizersToRoktWebClient() {
		stubToken(CLIENT_ID, CLIENT_SECRET, "{\"access_token\":\"tok-cust\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
		stubEvents("tok-cust");
		contextRunner(CLIENT_ID, CLIENT_SECRET)
			.withBean(WebClientCustomizer.class, () -> (builder) -> builder.defaultHeader("X-Customized", "yes"))
			.run((context) -> {
				postEvents(context);
				rokt.verify(postRequestedFor(urlEqualTo("/v1/events")).withHeader("X-Customized", equalTo("yes")));
			});
	}

	@Test
	void doesNotRetryTheTokenRequestWhenRoktRefusesTheCredentials() {
		rokt.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_client\"}")));
		run(CLIENT_ID, "wrong", (context) -> {
			WebClient client = context.getBean("roktWebClient", WebClient.class);
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> client.post().uri("/v1/events").bodyValue("{}").retrieve().toBodilessEntity().block())
				.isInstanceOf(RoktAuthenticationException.class)
				.hasMessageContaining("invalid_client")
				.hasMessageContaining("check rokt.client-id and rokt.client-secret")
				.hasMessageNotContaining("wrong");
			rokt.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH))
				.withHeader("Content-Type", matching("application/x-www-form-urlencoded(;.*)?")));
			rokt.verify(exactly(0), postRequestedFor(urlEqualTo("/v1/events")));
		});
	}

	private void run(String clientId, String clientSecret, Consumer<ApplicationContext> test) {
		contextRunner(clientId, clientSecret).run((context) -> {
			org.assertj.core.api.Assertions.assertThat(context).hasNotFailed();
			test.accept(context);
		});
	}

	private static ResponseEntity<Void> postEvents(ApplicationContext context) {
		WebClient client = context.getBean("roktWebClient", WebClient.class);
		return client.post()
			.uri("/v1/events")
			.header("Rokt-Version", "2020-05-21")
			.bodyValue("{\"accountId\":\"1\",\"events\":[]}")
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(10));
	}

	private static RoktAuthorizedClientManager manager(ApplicationContext context) {
		return context.getBean("roktAuthorizedClientManager", RoktAuthorizedClientManager.class);
	}

	private static String rawBasic(String clientId, String clientSecret) {
		return Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
	}


}
