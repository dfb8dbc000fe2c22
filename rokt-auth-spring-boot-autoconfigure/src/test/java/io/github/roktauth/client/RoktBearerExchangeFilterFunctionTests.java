package io.github.roktauth.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.roktauth.client.RoktTokenStubs.TOKEN_PATH;
import static io.github.roktauth.client.RoktTokenStubs.token;
import static io.github.roktauth.client.RoktTokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, points 4 and 10: a {@code 401} from a Rokt API evicts only the refused token and
 * is retried once with the same body; the token only ever goes to Rokt's origin.
 */
class RoktBearerExchangeFilterFunctionTests {

	private static final String EVENTS = "/v1/events";

	private static final String BATCH = "{\"accountId\":\"2957442069413010433\",\"events\":[{\"clientEventId\":"
			+ "\"5e0b7e5f-3c1d-4a55-8f7e-6c1f0b2f9a10\",\"eventType\":\"conversion\",\"eventTime\":"
			+ "\"2030-01-01T00:00:00Z\",\"objectData\":[{\"name\":\"email\",\"value\":\"jo@example.com\"}]}]}";

	private static final String IDEMPOTENCY_KEY = "0f8fad5b-d9cb-469f-a165-70867728950e";

	private static final String UNAUTHORIZED = "{\"data\":{\"code\":\"UnauthorizedError\",\"message\":\"bad token\"}}";

	@RegisterExtension
	static WireMockExtension rokt = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@RegisterExtension
	static WireMockExtension elsewhere = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private RoktAuthorizedClientManager manager;

	private RoktBearerExchangeFilterFunction filter;

	private WebClient webClient;

	private final AtomicInteger evictions = new AtomicInteger();

	@BeforeEach
	void setUp() {
		String baseUrl = "http://127.0.0.1:" + rokt.getPort();
		this.manager = RoktAuthorizedClientManager
			.builder(RoktTokenStubs.registration(baseUrl),
					RoktTokenResponseClient.create(WebClient.create(), RoktTokenStubs.settings()))
			.clock(new MutableClock())
			.listeners(List.of(new RoktTokenListener() {

				@Override
				public void tokenEvicted() {
					RoktBearerExchangeFilterFunctionTests.this.evictions.incrementAndGet();
				}

			}))
			.build();
		this.filter = new RoktBearerExchangeFilterFunction(this.manager, TokenOrigins.of(URI.create(baseUrl)));
		this.webClient = WebClient.builder().baseUrl(baseUrl).filter(this.filter).build();
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(token("token-1", 3600))
			.willSetStateTo("second"));
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs("second")
			.willReturn(token("token-2", 3600))
			.willSetStateTo("third"));
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs("third")
			.willReturn(token("token-3", 3600)));
	}

	@Test
	void evictsTheRefusedTokenAndRetriesOnceWithAFreshTokenAndTheSameBody() {
		rokt.stubFor(post(urlEqualTo(EVENTS)).inScenario("api")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(401).withBody(UNAUTHORIZED))
			.willSetStateTo("accepting"));
		rokt.stubFor(post(urlEqualTo(EVENTS)).inScenario("api")
			.whenScenarioStateIs("accepting")
			.willReturn(okJson("{\"data\":{\"unprocessedRecords\":[]}}")));

		ResponseEntity<String> response = postBatch().block(Duration.ofSeconds(10));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		rokt.verify(exactly(2), postRequestedFor(urlEqualTo(EVENTS)));
		rokt.verify(exactly(1), eventsRequest("token-1"));
		rokt.verify(exactly(1), eventsRequest("token-2"));
		rokt.verify(exactly(2), tokenRequests());
		assertThat(this.evictions).hasValue(1);
	}

	@Test
	void returnsASecond401ToTheCallerAsIs() {
		rokt.stubFor(post(urlEqualTo(EVENTS)).willReturn(aResponse().withStatus(401).withBody(UNAUTHORIZED)));

		ResponseEntity<String> response = this.webClient.post()
			.uri(EVENTS)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", IDEMPOTENCY_KEY)
			.bodyValue(BATCH)
			.exchangeToMono((clientResponse) -> clientResponse.toEntity(String.class))
			.block(Duration.ofSeconds(10));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getBody()).isEqualTo(UNAUTHORIZED);
		rokt.verify(exactly(1), eventsRequest("token-1"));
		rokt.verify(exactly(1), eventsRequest("token-2"));
		rokt.verify(exactly(2), postRequestedFor(urlEqualTo(EVENTS)));
		rokt.verify(exactly(2), tokenRequests());
		assertThat(this.evictions).as("a fresh token that is refused too is not thrown away").hasValue(1);
	}

	@Test
	void keepsTheTokenOnA403() {
		rokt.stubFor(post(urlEqualTo(EVENTS))
			.willReturn(aResponse().withStatus(403).withBody("{\"data\":{\"code\":\"Forbidden\"}}")));

		for (int i = 0; i < 3; i++) {
			HttpStatus status = (HttpStatus) this.webClient.post()
				.uri(EVENTS)
				.bodyValue(BATCH)
				.exchangeToMono((clientResponse) -> Mono.just(clientResponse.statusCode()))
				.block(Duration.ofSeconds(10));
			assertThat(status).isEqualTo(HttpStatus.FORBIDDEN);
		}

		rokt.verify(exactly(3), postRequestedFor(urlEqualTo(EVENTS)));
		rokt.verify(exactly(3), postRequestedFor(urlEqualTo(EVENTS)).withHeader(HttpHeaders.AUTHORIZATION,
				equalTo("Bearer token-1")));
		rokt.verify(exactly(1), tokenRequests());
		assertThat(this.evictions).hasValue(0);
	}

	@Test
	void aLate401ForAnOldTokenDoesNotEvictTheNewerToken() {
		rokt.stubFor(post(urlEqualTo(EVENTS)).withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer token-1"))
			.willReturn(aResponse().withStatus(401).withBody(UNAUTHORIZED).withFixedDelay(500)));
		rokt.stubFor(post(urlEqualTo(EVENTS)).withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer token-2"))
			.willReturn(okJson("{\"data\":{\"unprocessedRecords\":[]}}")));
		OAuth2AuthorizedClient first = this.manager.authorizedClient().block(Duration.ofSeconds(10));

		CompletableFuture<ResponseEntity<String>> slowCall = postBatch().toFuture();
		// Meanwhile another caller got a 401 for token-1 and the manager moved on to token-2.
		this.manager.evict(first.getAccessToken()).block(Duration.ofSeconds(10));
		assertThat(this.manager.authorizedClient().block(Duration.ofSeconds(10)).getAccessToken().getTokenValue())
			.isEqualTo("token-2");

		assertThat(slowCall.join().getStatusCode()).isEqualTo(HttpStatus.OK);
		rokt.verify(exactly(1), eventsRequest("token-1"));
		rokt.verify(exactly(1), eventsRequest("token-2"));
		rokt.verify(exactly(2), tokenRequests());
		assertThat(this.manager.authorizedClient().block(Duration.ofSeconds(10)).getAccessToken().getTokenValue())
			.isEqualTo("token-2");
		assertThat(this.evictions).as("only the explicit eviction of token-1").hasValue(1);
	}

	@Test
	void neverHandsOutTheRefusedTokenAgainWhileItsStoredCopyIsStillBeingRemoved() {
		OAuth2AuthorizedClient refused = this.manager.authorizedClient().block(Duration.ofSeconds(10));

		Mono<Void> removal = this.manager.evict(refused.getAccessToken());
		String next = this.manager.authorizedClient().block(Duration.ofSeconds(10)).getAccessToken().getTokenValue();
		removal.block(Duration.ofSeconds(10));

		assertThat(next).isEqualTo("token-2");
		assertThat(this.manager.authorizedClient().block(Duration.ofSeconds(10)).getAccessToken().getTokenValue())
			.isEqualTo("token-2");
		rokt.verify(exactly(2), tokenRequests());
	}

	@Test
	void sendsTheTokenToRoktsOriginButNotToAnotherHostOrPort() {
		rokt.stubFor(get(urlEqualTo("/v1/query/report")).willReturn(okJson("{}")));
		elsewhere.stubFor(get(urlEqualTo("/collect")).willReturn(okJson("{}")));

		this.webClient.get().uri("http://localhost:" + rokt.getPort() + "/v1/query/report").retrieve().toBodilessEntity()
			.block(Duration.ofSeconds(10));
		this.webClient.get().uri("http://127.0.0.1:" + elsewhere.getPort() + "/collect").retrieve().toBodilessEntity()
			.block(Duration.ofSeconds(10));
		rokt.verify(exactly(0), tokenRequests());
		this.webClient.get().uri("/v1/query/report").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));

		rokt.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/query/report")).withHeader(HttpHeaders.AUTHORIZATION,
				absent()));
		elsewhere.verify(exactly(1), getRequestedFor(urlEqualTo("/collect")).withHeader(HttpHeaders.AUTHORIZATION,
				absent()));
		rokt.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/query/report")).withHeader(HttpHeaders.AUTHORIZATION,
				equalTo("Bearer token-1")));
		rokt.verify(exactly(1), tokenRequests());
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://127.0.0.1:{port}/v1/events", "ws://127.0.0.1:{port}/v1/events",
			"http://127.0.0.1:{port}@attacker.example/v1/events", "http://127.0.0.2:{port}/v1/events",
			"http://127.0.0.1/v1/events", "/v1/events" })
	void doesNotSendTheTokenToAnyOtherOrigin(String url) {
		ClientRequest sent = exchange(url.replace("{port}", String.valueOf(rokt.getPort())));

		assertThat(sent.headers().containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
		rokt.verify(exactly(0), tokenRequests());
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:{port}/v1/events", "HTTP://127.0.0.1:{port}/other/path?x=1" })
	void sendsTheTokenToEveryPathOfRoktsOrigin(String url) {
		ClientRequest sent = exchange(url.replace("{port}", String.valueOf(rokt.getPort())));

		assertThat(sent.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer token-1");
	}

	private ClientRequest exchange(String url) {
		AtomicReference<ClientRequest> sent = new AtomicReference<>();
		ExchangeFunction capture = (request) -> {
			sent.set(request);
			return Mono.just(ClientResponse.create(HttpStatus.OK).build());
		};
		this.filter.filter(ClientRequest.create(HttpMethod.GET, URI.create(url)).build(), capture)
			.block(Duration.ofSeconds(10));
		return sent.get();
	}

	private Mono<ResponseEntity<String>> postBatch() {
		return this.webClient.post()
			.uri(EVENTS)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", IDEMPOTENCY_KEY)
			.header("Rokt-Version", "2020-05-21")
			.bodyValue(BATCH)
			.retrieve()
			.toEntity(String.class);
	}

	private static RequestPatternBuilder eventsRequest(String token) {
		return postRequestedFor(urlEqualTo(EVENTS)).withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token))
			.withHeader("Idempotency-Key", equalTo(IDEMPOTENCY_KEY))
			.withRequestBody(equalToJson(BATCH));
	}

}
