package io.github.roktauth.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.util.Assert;

/**
 * Client-credentials {@link ReactiveOAuth2AuthorizedClientManager} for the Rokt
 * registration: one token for the whole application whatever thread or principal asks,
 * fetched by a single request however many callers wait, refreshed in the background
 * before it expires, and stored in a {@link ReactiveOAuth2AuthorizedClientService}.
 */
// Spring's AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager fetches once per caller at expiry (no single flight, no refresh ahead).
public class RoktAuthorizedClientManager implements ReactiveOAuth2AuthorizedClientManager {

	/**
	 * Name of the principal under which the application's Rokt token is stored.
	 */
	public static final String PRINCIPAL_NAME = "rokt-application";

	private static final Log logger = LogFactory.getLog(RoktAuthorizedClientManager.class);

	private static final Authentication PRINCIPAL = new ApplicationPrincipal();

	private final ClientRegistration registration;

	private final OAuth2ClientCredentialsGrantRequest grantRequest;

	private final ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> tokenResponseClient;

	private final ReactiveOAuth2AuthorizedClientService authorizedClientService;

	private final Clock clock;

	private final Duration refreshBefore;

	private final Duration failureCooldown;

	private final List<RoktTokenListener> listeners;

	// A store given by the application may block (JDBC, H2's R2DBC driver): keep it off event-loop threads.
	private final Scheduler storeScheduler;

	// A store that never answers must not hold the single flight forever.
	private final Duration storeTimeout;

	private volatile @Nullable CachedToken current;

	private volatile @Nullable Mono<CachedToken> inFlight;

	private volatile @Nullable RoktAuthenticationException lastFailure;

	private volatile long failureUntilMillis;

	private volatile long nextRefreshAttemptMillis;

	// The store's copy of a refused token is removed asynchronously; until then it must not be reloaded.
	private volatile @Nullable String refusedTokenValue;

	private int refreshFailures;

	private final Object lock = new Object();

	RoktAuthorizedClientManager(Builder builder) {
		this.registration = builder.registration;
		this.grantRequest = new OAuth2ClientCredentialsGrantRequest(builder.registration);
		this.tokenResponseClient = builder.tokenResponseClient;
		this.authorizedClientService = (builder.authorizedClientService != null) ? builder.authorizedClientService
				: new InMemoryReactiveOAuth2AuthorizedClientService(
						new InMemoryReactiveClientRegistrationRepository(builder.registration));
		this.storeScheduler = (builder.authorizedClientService != null) ? Schedulers.boundedElastic()
				: Schedulers.immediate();
		this.storeTimeout = builder.storeTimeout;
		this.clock = builder.clock;
		this.refreshBefore = builder.refreshBefore;
		this.failureCooldown = builder.failureCooldown;
		this.listeners = List.copyOf(builder.listeners);
	}

	/**
	 * Start building a manager.
	 * @param registration the Rokt client registration (client credentials)
	 * @param tokenResponseClient the client that fetches tokens
	 * @return a builder
	 */
	public static Builder builder(ClientRegistration registration,
			ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> tokenResponseClient) {
		return new Builder(registration, tokenResponseClient);
	}

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest authorizeRequest) {
		if (!this.registration.getRegistrationId().equals(authorizeRequest.getClientRegistrationId())) {
			return Mono.error(new IllegalArgumentException("This manager only serves client registration '"
					+ this.registration.getRegistrationId() + "', not '" + authorizeRequest.getClientRegistrationId()
					+ "'"));
		}
		return authorizedClient();
	}

	/**
	 * Return the application's authorized client for Rokt, fetching a token only when no
	 * valid one is held. Callers never wait for a background refresh.
	 * @return the authorized client, or an error with a {@link RoktAuthenticationException}
	 */
	public Mono<OAuth2AuthorizedClient> authorizedClient() {
		CachedToken token = heldToken();
		return (token != null) ? token.mono() : awaitToken();
	}

	/**
	 * Return the held client when its token is valid, without waiting; starts a background
	 * refresh when one is due. The filters' fast path: no {@code Mono} on the hot path.
	 * @return the client, or {@code null} when callers must wait for a fetch
	 */
	@Nullable OAuth2AuthorizedClient validClient() {
		CachedToken token = heldToken();
		return (token != null) ? token.client() : null;
	}

	private @Nullable CachedToken heldToken() {
		CachedToken token = this.current;
		if (token == null) {
			return null;
		}
		long now = this.clock.millis();
		if (!token.isValidAt(now)) {
			return null;
		}
		if (token.isDueForRefreshAt(now) && this.inFlight == null && now >= this.nextRefreshAttemptMillis) {
			refreshInBackground(token);
		}
		return token;
	}

	/**
	 * Drop the given token because Rokt refused it, unless a newer token is already held.
	 * @param refused the access token a Rokt API answered {@code 401} to
	 * @return completion once the stored copy is removed as well
	 */
	public Mono<Void> evict(OAuth2AccessToken refused) {
		synchronized (this.lock) {
			CachedToken token = this.current;
			if (token == null || !token.tokenValue().equals(refused.getTokenValue())) {
				return Mono.empty();
			}
			this.current = null;
			this.refusedTokenValue = refused.getTokenValue();
		}
		logger.debug("Dropped the Rokt access token that a Rokt API refused");
		notifyListeners(RoktTokenListener::tokenEvicted);
		return Mono
			.defer(() -> this.authorizedClientService
				.<OAuth2AuthorizedClient>loadAuthorizedClient(this.registration.getRegistrationId(), PRINCIPAL_NAME))
			.filter((stored) -> stored.getAccessToken().getTokenValue().equals(refused.getTokenValue()))
			.flatMap((stored) -> this.authorizedClientService
				.removeAuthorizedClient(this.registration.getRegistrationId(), PRINCIPAL_NAME))
			.subscribeOn(this.storeScheduler)
			.timeout(this.storeTimeout)
			.onErrorResume((ex) -> {
				logger.warn("Could not remove the refused Rokt token from the authorized client service: " + ex);
				return Mono.empty();
			});
	}

	/**
	 * Return what is held now, without calling Rokt.
	 * @return the status
	 */
	public RoktTokenStatus status() {
		CachedToken token = this.current;
		boolean valid = token != null && token.isValidAt(this.clock.millis());
		return new RoktTokenStatus(valid ? token.expiresAt() : null, this.lastFailure);
	}

	/**
	 * Return the ID of the client registration this manager serves.
	 * @return the registration ID
	 */
	public String getRegistrationId() {
		return this.registration.getRegistrationId();
	}

	/**
	 * Return the token endpoint this manager fetches tokens from.
	 * @return the token URI
	 */
	public String getTokenUri() {
		return this.registration.getProviderDetails().getTokenUri();
	}

	private Mono<OAuth2AuthorizedClient> awaitToken() {
		synchronized (this.lock) {
			long now = this.clock.millis();
			CachedToken token = this.current;
			if (token != null && token.isValidAt(now)) {
				return token.mono();
			}
			RoktAuthenticationException failure = this.lastFailure;
			if (failure != null && now < this.failureUntilMillis && this.inFlight == null) {
				return Mono.error(failure::forCaller);
			}
			// Waiters resume on the parallel scheduler, not one by one on the thread that got the token.
			return startFetch(false).publishOn(Schedulers.parallel())
				.map(CachedToken::client)
				.onErrorMap(RoktAuthenticationException.class, RoktAuthenticationException::forCaller);
		}
	}

	private void refreshInBackground(CachedToken token) {
		synchronized (this.lock) {
			if (this.current == token && this.inFlight == null && this.clock.millis() >= this.nextRefreshAttemptMillis) {
				logger.debug("Refreshing the Rokt access token ahead of its expiry");
				startFetch(true);
			}
		}
	}

	private Mono<CachedToken> startFetch(boolean refresh) {
		Mono<CachedToken> flight = this.inFlight;
		if (flight != null) {
			return flight;
		}
		Sinks.One<CachedToken> sink = Sinks.one();
		flight = sink.asMono();
		this.inFlight = flight;
		long startNanos = System.nanoTime();
		// Deferred, so that a store or client that throws instead of signalling still ends this flight.
		Mono<CachedToken> fetch = Mono.defer(() -> loadOrFetch(refresh, startNanos));
		// A background refresh starts on another thread: the caller that noticed it is due must not pay for it.
		(refresh ? fetch.subscribeOn(Schedulers.boundedElastic()) : fetch)
			.subscribe((token) -> succeeded(token, sink), (ex) -> failed(ex, refresh, startNanos, sink));
		return flight;
	}

	private Mono<CachedToken> loadOrFetch(boolean refresh, long startNanos) {
		return Mono
			.defer(() -> this.authorizedClientService
				.<OAuth2AuthorizedClient>loadAuthorizedClient(this.registration.getRegistrationId(), PRINCIPAL_NAME))
			.subscribeOn(this.storeScheduler)
			.timeout(this.storeTimeout)
			.onErrorResume((ex) -> {
				logger.warn("Could not read the Rokt token from the authorized client service: " + ex);
				return Mono.empty();
			})
			.map((stored) -> CachedToken.of(stored, this.refreshBefore))
			.filter((stored) -> !stored.tokenValue().equals(this.refusedTokenValue)
					&& !stored.isDueForRefreshAt(this.clock.millis()))
			.switchIfEmpty(Mono.defer(() -> fetchAndStore(refresh, startNanos)));
	}

	private Mono<CachedToken> fetchAndStore(boolean refresh, long startNanos) {
		return this.tokenResponseClient.getTokenResponse(this.grantRequest).flatMap((response) -> {
			OAuth2AuthorizedClient client = authorizedClient(response);
			Duration lifetime = lifetime(client.getAccessToken());
			Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
			notifyListeners((listener) -> listener.tokenFetched(lifetime, elapsed, refresh));
			return this.authorizedClientService.saveAuthorizedClient(client, PRINCIPAL)
				.subscribeOn(this.storeScheduler)
				.timeout(this.storeTimeout)
				.onErrorResume((ex) -> {
					logger.warn("Could not store the Rokt token in the authorized client service: " + ex);
					return Mono.empty();
				})
				.thenReturn(CachedToken.of(client, this.refreshBefore));
		});
	}

	// Expiry counts from receipt on this manager's clock, never from the token's content.
	private OAuth2AuthorizedClient authorizedClient(OAuth2AccessTokenResponse response) {
		OAuth2AccessToken received = response.getAccessToken();
		Duration lifetime = lifetime(received);
		Instant now = this.clock.instant();
		OAuth2AccessToken token = new OAuth2AccessToken(received.getTokenType(), received.getTokenValue(), now,
				now.plus(lifetime), received.getScopes());
		return new OAuth2AuthorizedClient(this.registration, PRINCIPAL_NAME, token);
	}

	private static Duration lifetime(OAuth2AccessToken token) {
		return Duration.between(Objects.requireNonNull(token.getIssuedAt()), Objects.requireNonNull(token.getExpiresAt()));
	}

	private void succeeded(CachedToken token, Sinks.One<CachedToken> sink) {
		synchronized (this.lock) {
			this.current = token;
			this.inFlight = null;
			this.lastFailure = null;
			this.refreshFailures = 0;
			this.nextRefreshAttemptMillis = 0;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Obtained a Rokt access token valid until " + token.expiresAt());
		}
		sink.tryEmitValue(token);
	}

	private void failed(Throwable ex, boolean refresh, long startNanos, Sinks.One<CachedToken> sink) {
		Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
		RoktAuthenticationException failure = (ex instanceof RoktAuthenticationException authenticationFailure)
				? authenticationFailure
				: new RoktAuthenticationException(RoktAuthenticationException.Reason.IO_ERROR,
						this.registration.getRegistrationId(), "Rokt token fetch failed: " + ex, null, null, ex);
		boolean stillServing;
		synchronized (this.lock) {
			long now = this.clock.millis();
			this.inFlight = null;
			this.lastFailure = failure;
			CachedToken token = this.current;
			stillServing = token != null && token.isValidAt(now);
			if (stillServing) {
				this.nextRefreshAttemptMillis = now + refreshBackoff(this.refreshFailures++).toMillis();
			}
			else {
				Duration retryAfter = failure.getRetryAfter();
				Duration cooldown = (retryAfter != null && retryAfter.compareTo(this.failureCooldown) > 0) ? retryAfter
						: this.failureCooldown;
				this.failureUntilMillis = now + cooldown.toMillis();
			}
		}
		if (stillServing) {
			logger.warn("Refreshing the Rokt access token failed; still using the current one until it expires: "
					+ failure.getMessage());
		}
		else {
			logger.warn("Could not obtain a Rokt access token: " + failure.getMessage());
		}
		// Listeners first, so that metrics are up to date when callers see the failure; they cannot throw.
		notifyListeners((listener) -> listener.tokenFetchFailed(failure, elapsed, refresh));
		sink.tryEmitError(failure);
	}

	// A listener's bug must neither strand waiting callers nor lose a token.
	private void notifyListeners(Consumer<RoktTokenListener> event) {
		for (RoktTokenListener listener : this.listeners) {
			try {
				event.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("RoktTokenListener " + listener.getClass().getName() + " failed: " + ex);
			}
		}
	}

	private Duration refreshBackoff(int failures) {
		Duration backoff = Duration.ofSeconds(1L << Math.min(failures, 5));
		Duration cap = this.refreshBefore.dividedBy(4);
		return (backoff.compareTo(cap) < 0 || cap.isZero()) ? backoff : cap;
	}

	@Override
	public String toString() {
		CachedToken token = this.current;
		return "RoktAuthorizedClientManager[registrationId=" + this.registration.getRegistrationId() + ", tokenUri="
				+ this.registration.getProviderDetails().getTokenUri() + ", token="
				+ ((token != null) ? "held until " + token.expiresAt() : "none") + "]";
	}

	/**
	 * Builder for {@link RoktAuthorizedClientManager}.
	 */
	public static final class Builder {

		private final ClientRegistration registration;

		private final ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> tokenResponseClient;

		private @Nullable ReactiveOAuth2AuthorizedClientService authorizedClientService;

		private Clock clock = Clock.systemUTC();

		private Duration refreshBefore = Duration.ofSeconds(60);

		private Duration failureCooldown = Duration.ofSeconds(2);

		private Duration storeTimeout = Duration.ofSeconds(5);

		private List<RoktTokenListener> listeners = List.of();

		private Builder(ClientRegistration registration,
				ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> tokenResponseClient) {
			Assert.isTrue(AuthorizationGrantType.CLIENT_CREDENTIALS.equals(registration.getAuthorizationGrantType()),
					"Rokt registration must use the client_credentials grant");
			this.registration = registration;
			this.tokenResponseClient = tokenResponseClient;
		}

		/**
		 * Store tokens in this service (for example one shared by a fleet) instead of memory.
		 * @param authorizedClientService the service
		 * @return this builder
		 */
		public Builder authorizedClientService(ReactiveOAuth2AuthorizedClientService authorizedClientService) {
			this.authorizedClientService = authorizedClientService;
			return this;
		}

		/**
		 * Use this clock for expiry and refresh decisions.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Refresh this long before expiry (at most half a token's lifetime).
		 * @param refreshBefore the refresh window
		 * @return this builder
		 */
		public Builder refreshBefore(Duration refreshBefore) {
			this.refreshBefore = refreshBefore;
			return this;
		}

		/**
		 * After a failed fetch, answer callers with that failure for this long.
		 * @param failureCooldown the cool-down
		 * @return this builder
		 */
		public Builder failureCooldown(Duration failureCooldown) {
			this.failureCooldown = failureCooldown;
			return this;
		}

		/**
		 * Give up on a read or write of the authorized client service after this long (the
		 * token is then fetched, or kept, without the store).
		 * @param storeTimeout the timeout
		 * @return this builder
		 */
		public Builder storeTimeout(Duration storeTimeout) {
			this.storeTimeout = storeTimeout;
			return this;
		}

		/**
		 * Tell these listeners about the token lifecycle.
		 * @param listeners the listeners
		 * @return this builder
		 */
		public Builder listeners(List<RoktTokenListener> listeners) {
			this.listeners = listeners;
			return this;
		}

		/**
		 * Build the manager.
		 * @return the manager
		 */
		public RoktAuthorizedClientManager build() {
			return new RoktAuthorizedClientManager(this);
		}

	}

	private static final class ApplicationPrincipal extends AbstractAuthenticationToken {

		ApplicationPrincipal() {
			super(List.of());
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return PRINCIPAL_NAME;
		}

		@Override
		public String getName() {
			return PRINCIPAL_NAME;
		}

	}

}
