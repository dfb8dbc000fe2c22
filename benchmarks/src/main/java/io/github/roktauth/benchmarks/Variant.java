package io.github.roktauth.benchmarks;

import java.lang.reflect.Field;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.roktauth.client.RoktAuthorizedClientManager;
import io.github.roktauth.client.RoktBearerExchangeFilterFunction;
import io.github.roktauth.client.RoktTokenResponseClient;
import io.github.roktauth.client.RoktTokenSettings;
import io.github.roktauth.client.TokenOrigins;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One of the three ways of calling {@code POST /v1/events} that are compared, built fresh
 * (own connection pool, empty token store) on each {@link #create}.
 */
public enum Variant {

	/** (a) A WebClient with a static {@code Authorization} header: the physical limit. */
	STATIC("(a) static header"),

	/** (b) The starter: {@link RoktBearerExchangeFilterFunction}, wired as {@code roktWebClient} is. */
	ROKT("(b) rokt starter"),

	/** (c) Stock Spring Security's exchange filter and client-service manager. */
	STOCK("(c) stock Spring");

	static final String REGISTRATION_ID = "rokt";

	static final String EVENTS_BODY = "{\"accountId\":\"bench\",\"events\":[{\"clientEventId\":"
			+ "\"6f1c3a52-0000-4000-8000-000000000000\",\"eventType\":\"purchase\",\"eventTime\":"
			+ "\"2026-01-01T00:00:00Z\",\"objectData\":[{\"name\":\"email\",\"value\":\"a@example.com\"}]}]}";

	/** Connections per pool: enough for the cold burst without a queue limit failing calls. */
	static final int MAX_CONNECTIONS = 500;

	private final String label;

	Variant(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * Build this variant against the stand-in.
	 * @param baseUrl the stand-in's base URL
	 * @param refreshBefore the starter's refresh-before, also stock Spring's clock skew
	 * (the two knobs that decide when a token is replaced)
	 * @return the client and what it holds
	 */
	public Stack create(String baseUrl, Duration refreshBefore) {
		ConnectionProvider pool = ConnectionProvider.builder("bench-" + name().toLowerCase())
			.maxConnections(MAX_CONNECTIONS)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofSeconds(60))
			.build();
		ReactorClientHttpConnector connector = new ReactorClientHttpConnector(HttpClient.create(pool));
		WebClient tokenWebClient = WebClient.builder().clientConnector(connector).build();
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientId("bench-client")
			.clientSecret("bench-secret")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(baseUrl + LoopbackRokt.TOKEN_PATH)
			.build();
		WebClient.Builder api = WebClient.builder().clientConnector(connector).baseUrl(baseUrl);
		switch (this) {
			case STATIC -> {
				return new Stack(this, api.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + LoopbackRokt.STATIC_TOKEN)
					.build(), pool, (request, next) -> next.exchange(request), null, null);
			}
			case ROKT -> {
				RoktTokenSettings defaults = RoktTokenSettings.defaults(REGISTRATION_ID);
				RoktTokenSettings settings = new RoktTokenSettings(REGISTRATION_ID, refreshBefore,
						defaults.defaultLifetime(), defaults.responseTimeout(), defaults.maxAttempts(),
						defaults.initialBackoff(), defaults.maxBackoff(), defaults.failureCooldown());
				RoktAuthorizedClientManager manager = RoktAuthorizedClientManager
					.builder(registration, RoktTokenResponseClient.create(tokenWebClient, settings))
					.refreshBefore(settings.refreshBefore())
					.failureCooldown(settings.failureCooldown())
					.build();
				RoktBearerExchangeFilterFunction filter = new RoktBearerExchangeFilterFunction(manager,
						TokenOrigins.of(URI.create(baseUrl)));
				return new Stack(this, api.filter(filter).build(), pool, filter, manager,
						(ReactiveOAuth2AuthorizedClientService) field(manager, "authorizedClientService"));
			}
			default -> {
				InMemoryReactiveClientRegistrationRepository registrations = new InMemoryReactiveClientRegistrationRepository(
						registration);
				InMemoryReactiveOAuth2AuthorizedClientService service = new InMemoryReactiveOAuth2AuthorizedClientService(
						registrations);
				WebClientReactiveClientCredentialsTokenResponseClient tokenClient = new WebClientReactiveClientCredentialsTokenResponseClient();
				tokenClient.setWebClient(tokenWebClient);
				ReactiveOAuth2AuthorizedClientProvider provider = ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
					.clientCredentials((credentials) -> credentials.accessTokenResponseClient(tokenClient)
						.clockSkew(refreshBefore))
					.build();
				AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
						registrations, service);
				manager.setAuthorizedClientProvider(provider);
				ServerOAuth2AuthorizedClientExchangeFilterFunction filter = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
						manager);
				filter.setDefaultClientRegistrationId(REGISTRATION_ID);
				return new Stack(this, api.filter(filter).build(), pool, filter, null, service);
			}
		}
	}

	static Object field(Object target, String name) {
		try {
			Field field = target.getClass().getDeclaredField(name);
			field.setAccessible(true);
			return field.get(target);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read " + name + " of " + target.getClass().getName(), ex);
		}
	}

	/**
	 * A built variant.
	 *
	 * @param variant which one
	 * @param client the WebClient under test
	 * @param pool its connection pool, disposed on {@link #close}
	 * @param filter what this variant adds to a request (a pass-through for (a))
	 * @param manager the starter's manager, for (b)
	 * @param tokenStore the store that holds tokens, for (b) and (c)
	 */
	public record Stack(Variant variant, WebClient client, ConnectionProvider pool, ExchangeFilterFunction filter,
			RoktAuthorizedClientManager manager, ReactiveOAuth2AuthorizedClientService tokenStore)
			implements AutoCloseable {

		/** One {@code POST /v1/events} call, reading the body. */
		public Mono<String> call() {
			return this.client.post()
				.uri(LoopbackRokt.EVENTS_PATH)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(EVENTS_BODY)
				.retrieve()
				.bodyToMono(String.class);
		}

		/** Objects that hold tokens: what a retained-size walk starts from. */
		List<Object> tokenCacheRoots() {
			List<Object> roots = new ArrayList<>();
			if (this.tokenStore != null) {
				roots.add(this.tokenStore);
			}
			if (this.manager != null) {
				Object current = field(this.manager, "current");
				if (current != null) {
					roots.add(current);
				}
			}
			return roots;
		}

		/** Entries in the in-memory token store. */
		int storedTokens() {
			if (this.tokenStore == null) {
				return 0;
			}
			return ((Map<?, ?>) field(this.tokenStore, "authorizedClients")).size();
		}

		@Override
		public void close() {
			this.pool.disposeLater().block(Duration.ofSeconds(5));
		}

	}

}
