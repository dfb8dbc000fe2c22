package io.github.roktauth.client;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
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

/**
 * Issue 3, points 1 and 5: one token request for the Rokt registration however many
 * callers, threads or principals ask at the same moment.
 */
class RoktAuthorizedClientManagerSingleFlightTests {

	private static final int CALLERS = 1000;

	private static final Duration SLOW = Duration.ofMillis(200);

	@RegisterExtension
	static WireMockExtension rokt = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final MutableClock clock = new MutableClock();

	@Test
	void fetchesOneTokenForAThousandCallersAtColdStartAndAgainAtExpiry() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(token("token-1", 3600).withFixedDelay((int) SLOW.toMillis()))
			.willSetStateTo("expired"));
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs("expired")
			.willReturn(token("token-2", 3600).withFixedDelay((int) SLOW.toMillis()))
			.willSetStateTo("evicted"));
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs("evicted")
			.willReturn(token("token-3", 3600).withFixedDelay((int) SLOW.toMillis())));
		RoktAuthorizedClientManager manager = manager();

		assertThat(tokensSeenBy(CALLERS, manager::authorizedClient)).containsExactly("token-1");
		rokt.verify(exactly(1), tokenRequests());

		this.clock.advance(Duration.ofSeconds(3601));
		assertThat(tokensSeenBy(CALLERS, manager::authorizedClient)).containsExactly("token-2");
		rokt.verify(exactly(2), tokenRequests());

		OAuth2AuthorizedClient held = manager.authorizedClient().block();
		manager.evict(held.getAccessToken()).block();
		assertThat(tokensSeenBy(CALLERS, manager::authorizedClient)).containsExactly("token-3");
		rokt.verify(exactly(3), tokenRequests());
	}

	@Test
	void aThousandCallersShareOneFailedFetch() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_request\"}")
			.withFixedDelay((int) SLOW.toMillis())));
		RoktAuthorizedClientManager manager = manager();

		List<Throwable> failures = Flux.range(0, CALLERS)
			.flatMap((i) -> Mono.defer(manager::authorizedClient)
				.subscribeOn(Schedulers.boundedElastic())
				.map(Object.class::cast)
				.onErrorResume((ex) -> Mono.just(ex)), CALLERS)
			.cast(Throwable.class)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(failures).hasSize(CALLERS).allSatisfy((failure) -> assertThat(failure)
			.isInstanceOf(RoktAuthenticationException.class)
			.hasMessageContaining("invalid_request"));
		rokt.verify(exactly(1), tokenRequests());
	}

	@Test
	void servesOneTokenWhateverPrincipalOrThreadAsks() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("shared", 3600).withFixedDelay((int) SLOW.toMillis())));
		ClientRegistration registration = RoktTokenStubs.registration(rokt.baseUrl());
		RecordingAuthorizedClientService store = new RecordingAuthorizedClientService(registration);
		RoktAuthorizedClientManager manager = RoktAuthorizedClientManager
			.builder(registration, RoktTokenResponseClient.create(WebClient.create(), RoktTokenStubs.settings()))
			.clock(this.clock)
			.authorizedClientService(store)
			.build();

		List<String> tokens = Flux.range(0, 200)
			.flatMap((i) -> Mono.defer(() -> manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("rokt")
				.principal("user-" + i)
				.build())).subscribeOn(Schedulers.boundedElastic()), 200)
			.map((client) -> client.getAccessToken().getTokenValue())
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(tokens).hasSize(200).containsOnly("shared");
		rokt.verify(exactly(1), tokenRequests());
		assertThat(store.savedPrincipals).containsExactly(RoktAuthorizedClientManager.PRINCIPAL_NAME);
		assertThat(store.loadAuthorizedClient("rokt", "user-7").block()).isNull();
	}

	private RoktAuthorizedClientManager manager() {
		return RoktAuthorizedClientManager
			.builder(RoktTokenStubs.registration(rokt.baseUrl()),
					RoktTokenResponseClient.create(WebClient.create(), RoktTokenStubs.settings()))
			.clock(this.clock)
			.build();
	}

	private static Set<String> tokensSeenBy(int callers, Supplier<Mono<OAuth2AuthorizedClient>> call) {
		List<String> tokens = Flux.range(0, callers)
			.flatMap((i) -> Mono.defer(call).subscribeOn(Schedulers.boundedElastic()), callers)
			.map((client) -> client.getAccessToken().getTokenValue())
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(tokens).hasSize(callers);
		return Set.copyOf(tokens);
	}

	/**
	 * Remembers under which principals tokens were stored.
	 */
	static final class RecordingAuthorizedClientService implements ReactiveOAuth2AuthorizedClientService {

		private final ReactiveOAuth2AuthorizedClientService delegate;

		final Set<String> savedPrincipals = ConcurrentHashMap.newKeySet();

		RecordingAuthorizedClientService(ClientRegistration registration) {
			this.delegate = new InMemoryReactiveOAuth2AuthorizedClientService(
					new InMemoryReactiveClientRegistrationRepository(registration));
		}

		@Override
		public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String clientRegistrationId,
				String principalName) {
			return this.delegate.loadAuthorizedClient(clientRegistrationId, principalName);
		}

		@Override
		public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal) {
			this.savedPrincipals.add(principal.getName());
			return this.delegate.saveAuthorizedClient(authorizedClient, principal);
		}

		@Override
		public Mono<Void> removeAuthorizedClient(String clientRegistrationId, String principalName) {
			return this.delegate.removeAuthorizedClient(clientRegistrationId, principalName);
		}

	}

}
