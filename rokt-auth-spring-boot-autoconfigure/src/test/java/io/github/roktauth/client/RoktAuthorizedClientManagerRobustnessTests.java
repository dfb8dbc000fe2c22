package io.github.roktauth.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Faults outside Rokt that must never wedge the single flight: a listener that throws, a
 * token store that throws or never answers, and a {@code Retry-After} longer than the
 * retries may wait.
 */
class RoktAuthorizedClientManagerRobustnessTests {

	@RegisterExtension
	static WireMockExtension rokt = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final AtomicInteger fetches = new AtomicInteger();

	private final ClientRegistration registration = RoktTokenStubs.registration("http://127.0.0.1:1");

	private final ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> tokens = (request) -> {
		this.fetches.incrementAndGet();
		return Mono.just(OAuth2AccessTokenResponse.withToken("tok-" + this.fetches.get())
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(3600)
			.build());
	};

	@Test
	void aListenerThatThrowsNeitherStrandsWaitersNorLosesTheToken() {
		RoktTokenListener broken = new RoktTokenListener() {

			@Override
			public void tokenFetched(Duration lifetime, Duration elapsed, boolean refresh) {
				throw new IllegalStateException("listener bug");
			}

			@Override
			public void tokenFetchFailed(RoktAuthenticationException failure, Duration elapsed, boolean refresh) {
				throw new IllegalStateException("listener bug");
			}

		};
		RoktAuthorizedClientManager failing = RoktAuthorizedClientManager
			.builder(this.registration,
					(request) -> Mono.error(new RoktAuthenticationException(
							RoktAuthenticationException.Reason.INVALID_CLIENT, "rokt", "refused", 401, null, null)))
			.listeners(List.of(broken))
			.build();
		assertThat(catchThrowableOfType(RoktAuthenticationException.class,
				() -> failing.authorizedClient().block(Duration.ofSeconds(3))))
			.hasMessage("refused");
		RoktAuthorizedClientManager working = RoktAuthorizedClientManager.builder(this.registration, this.tokens)
			.listeners(List.of(broken))
			.build();
		assertThat(working.authorizedClient().block(Duration.ofSeconds(3)).getAccessToken().getTokenValue())
			.isEqualTo("tok-1");
	}

	@Test
	void aStoreThatThrowsInsteadOfSignallingIsSkipped() {
		RoktAuthorizedClientManager manager = RoktAuthorizedClientManager.builder(this.registration, this.tokens)
			.authorizedClientService(store((load) -> {
				throw new IllegalStateException("pool exhausted");
			}))
			.build();
		for (int i = 0; i < 3; i++) {
			assertThat(manager.authorizedClient().block(Duration.ofSeconds(3))).isNotNull();
		}
		assertThat(this.fetches).hasValue(1);
	}

	@Test
	void aStoreThatNeverAnswersIsGivenUpOn() {
		AtomicInteger loads = new AtomicInteger();
		RoktAuthorizedClientManager manager = RoktAuthorizedClientManager.builder(this.registration, this.tokens)
			.authorizedClientService(store((load) -> (loads.incrementAndGet() == 1) ? Mono.never() : load))
			.storeTimeout(Duration.ofMillis(200))
			.build();
		assertThat(manager.authorizedClient().block(Duration.ofSeconds(3)).getAccessToken().getTokenValue())
			.isEqualTo("tok-1");
		assertThat(loads).hasValue(1);
	}

	@Test
	void aRetryAfterLongerThanTheMaximumBackoffEndsTheRetriesAndHoldsOffNewFetches() {
		rokt.stubFor(post(urlEqualTo(RoktTokenStubs.TOKEN_PATH))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
		MutableClock clock = new MutableClock();
		RoktAuthorizedClientManager manager = RoktAuthorizedClientManager
			.builder(RoktTokenStubs.registration(rokt.baseUrl()),
					RoktTokenResponseClient.create(WebClient.create(), RoktTokenStubs.settings(3, Duration.ofSeconds(5))))
			.clock(clock)
			.failureCooldown(Duration.ofSeconds(2))
			.build();
		RoktAuthenticationException failure = catchThrowableOfType(RoktAuthenticationException.class,
				() -> manager.authorizedClient().block(Duration.ofSeconds(5)));
		assertThat(failure.getHttpStatus()).isEqualTo(429);
		assertThat(failure.getRetryAfter()).isEqualTo(Duration.ofSeconds(60));
		rokt.verify(exactly(1), RoktTokenStubs.tokenRequests());
		clock.advance(Duration.ofSeconds(30));
		assertThat(catchThrowableOfType(RoktAuthenticationException.class,
				() -> manager.authorizedClient().block(Duration.ofSeconds(5))))
			.hasMessage(failure.getMessage());
		rokt.verify(exactly(1), RoktTokenStubs.tokenRequests());
		clock.advance(Duration.ofSeconds(31));
		catchThrowableOfType(RoktAuthenticationException.class,
				() -> manager.authorizedClient().block(Duration.ofSeconds(5)));
		rokt.verify(exactly(2), RoktTokenStubs.tokenRequests());
	}

	private ReactiveOAuth2AuthorizedClientService store(
			Function<Mono<OAuth2AuthorizedClient>, Mono<OAuth2AuthorizedClient>> onLoad) {
		InMemoryReactiveOAuth2AuthorizedClientService delegate = new InMemoryReactiveOAuth2AuthorizedClientService(
				new InMemoryReactiveClientRegistrationRepository(this.registration));
		return new ReactiveOAuth2AuthorizedClientService() {

			@Override
			@SuppressWarnings("unchecked")
			public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String registrationId,
					String principalName) {
				return (Mono<T>) onLoad.apply(delegate.loadAuthorizedClient(registrationId, principalName));
			}

			@Override
			public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal) {
				return delegate.saveAuthorizedClient(client, principal);
			}

			@Override
			public Mono<Void> removeAuthorizedClient(String registrationId, String principalName) {
				return delegate.removeAuthorizedClient(registrationId, principalName);
			}

		};
	}

}
