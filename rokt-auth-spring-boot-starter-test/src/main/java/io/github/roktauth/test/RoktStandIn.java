package io.github.roktauth.test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.jspecify.annotations.Nullable;

/**
 * A faithful in-process stand-in for Rokt's token endpoint and Event API v1 that enforces the
 * contract and refuses what Rokt would refuse.
 * <p>
 * It listens on {@code 127.0.0.1} on a random port, quietly. Token endpoint
 * ({@code POST /auth/oauth2/token}):
 * <ul>
 * <li>{@code 200 {"Access_token":"...","expires_in":3600,"token_type":"Bearer"}} for
 * {@code Authorization: Basic base64(clientId:clientSecret)} over the raw UTF-8 bytes, a
 * {@code application/x-www-form-urlencoded} body and {@code grant_type=client_credentials};
 * <li>{@code 401 {"error":"invalid_client"}} for missing, wrong or form-encoded credentials;
 * <li>{@code 400 {"error":"invalid_request"}} for another content type, a missing or repeated
 * {@code grant_type}; {@code 400 {"error":"unsupported_grant_type"}} for another grant type;
 * <li>{@code 405 {"error":"invalid_request"}} for a method other than {@code POST}.
 * </ul>
 * Event API ({@code POST /v1/events}), errors as {@code {"data":{"code":...,"message":...}}}:
 * <ul>
 * <li>{@code 401 UnauthorizedError}: no Bearer token, or one this stand-in did not issue or
 * that has expired;
 * <li>{@code 400 RequestValidationError}: a {@code Rokt-Version} other than
 * {@code 2020-05-21} (missing or empty means latest and is accepted), a content type other
 * than {@code application/json}, a missing or non-UUID {@code Idempotency-Key}, a missing or
 * over 64 characters {@code accountId}, no events or more than 100;
 * <li>{@code 400 RequestJsonUnmarshalError}: a body that is not JSON or has a wrong JSON type
 * (for example a number where Rokt expects a string, including attribute values);
 * <li>{@code 403 Forbidden}: another {@code accountId} than {@link Builder#accountId};
 * <li>{@code 409 IdempotencyKeyReused}: a key an accepted request already used (keys are
 * never purged);
 * <li>{@code 405 MethodNotAllowed}; other paths get {@code 404 NotFound}.
 * </ul>
 * Otherwise {@code 200 {"data":{"unprocessedRecords":[...]}}} lists each refused event with
 * one of these codes, and accepts the rest:
 * <ul>
 * <li>{@code InvalidClientEventId}: missing, blank or over 36 characters;
 * <li>{@code DuplicateClientEventId}: already used by an accepted event;
 * <li>{@code InvalidEventType}: missing, blank or over 128 characters;
 * <li>{@code InvalidEventTime}: missing, or not an RFC 3339 UTC timestamp;
 * <li>{@code EventTimeOutOfRange}: older than 18 months or over 5 minutes in the future;
 * <li>{@code InvalidAttribute}: an {@code objectData} or {@code metaData} entry without a name
 * or value, a name over 256 or a value over 65536 characters;
 * <li>{@code ReservedAttributeName}: a name starting {@code rokt.};
 * <li>{@code InvalidEmailSha256}: {@code emailsha256} not 64 lowercase hex characters;
 * <li>{@code MissingIdentifier}: no {@code email}, {@code emailsha256} or
 * {@code passbackconversiontrackingid} in {@code objectData}.
 * </ul>
 * Use {@link #faults()} to make either endpoint fail for a number of requests.
 */
public final class RoktStandIn implements AutoCloseable {

	/**
	 * Client id accepted by default.
	 */
	public static final String DEFAULT_CLIENT_ID = "standin-client";

	/**
	 * Client secret accepted by default.
	 */
	public static final String DEFAULT_CLIENT_SECRET = "standin-secret";

	/**
	 * Path of the token endpoint.
	 */
	public static final String TOKEN_PATH = "/auth/oauth2/token";

	/**
	 * Path of the Event API.
	 */
	public static final String EVENTS_PATH = "/v1/events";

	private final StandInSettings settings;

	private final IssuedTokens issuedTokens = new IssuedTokens();

	private final EventLog eventLog = new EventLog();

	private final Faults faults = new Faults();

	private final AtomicReference<AuthorizationKind> lastAuthorization = new AtomicReference<>(AuthorizationKind.NONE);

	private final TokenEndpoint tokenEndpoint;

	private final EventsEndpoint eventsEndpoint;

	private final WireMockServer server;

	private final String baseUrl;

	private final AtomicBoolean closed = new AtomicBoolean();

	private RoktStandIn(StandInSettings settings) {
		this.settings = settings;
		this.tokenEndpoint = new TokenEndpoint(settings, this.issuedTokens, this.faults, this.lastAuthorization);
		this.eventsEndpoint = new EventsEndpoint(settings, this.issuedTokens, this.faults, this.lastAuthorization,
				this.eventLog);
		this.server = StandInServer.start(this.tokenEndpoint, this.eventsEndpoint);
		this.baseUrl = StandInServer.baseUrl(this.server);
	}

	/**
	 * Start a stand-in with the default settings.
	 * @return the running stand-in
	 */
	public static RoktStandIn start() {
		return builder().start();
	}

	/**
	 * Return a builder for a stand-in with other settings.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the base URL to configure instead of {@code https://api.rokt.com}.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Return the token endpoint's URL.
	 * @return {@link #baseUrl()} followed by {@link #TOKEN_PATH}
	 */
	public String tokenUri() {
		return this.baseUrl + TOKEN_PATH;
	}

	/**
	 * Return the port the stand-in listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Return the client id the stand-in accepts.
	 * @return the client id
	 */
	public String clientId() {
		return this.settings.clientId();
	}

	/**
	 * Return the client secret the stand-in accepts.
	 * @return the client secret
	 */
	public String clientSecret() {
		return this.settings.clientSecret();
	}

	/**
	 * Return how many requests the token endpoint received, answered or refused.
	 * @return the number of token requests
	 */
	public int tokenRequests() {
		return this.tokenEndpoint.requests();
	}

	/**
	 * Return how many token requests got a token.
	 * @return the number of tokens issued
	 */
	public int tokensIssued() {
		return this.tokenEndpoint.issued();
	}

	/**
	 * Return how many requests the Event API received, answered or refused.
	 * @return the number of Event API requests
	 */
	public int eventRequests() {
		return this.eventsEndpoint.requests();
	}

	/**
	 * Return every event of every request the Event API answered with {@code 200}, in order,
	 * with its verdict.
	 * @return the received events
	 */
	public List<ReceivedEvent> receivedEvents() {
		return this.eventLog.events();
	}

	/**
	 * Return one entry per Event API request that passed the header checks, in order.
	 * @return the received batches
	 */
	public List<ReceivedBatch> receivedBatches() {
		return this.eventLog.batches();
	}

	/**
	 * Return the {@code Idempotency-Key} of every Event API request that carried one, in
	 * order, including refused and faulted requests.
	 * @return the idempotency keys
	 */
	public List<String> idempotencyKeys() {
		return this.eventLog.idempotencyKeys();
	}

	/**
	 * Return the kind of {@code Authorization} header of the last request to either endpoint.
	 * @return the kind of authorization, {@link AuthorizationKind#NONE} before any request
	 */
	public AuthorizationKind lastAuthorization() {
		return this.lastAuthorization.get();
	}

	/**
	 * Return the fault injection for this stand-in.
	 * @return the faults
	 */
	public Faults faults() {
		return this.faults;
	}

	/**
	 * Make every token issued so far expired, so that the Event API answers {@code 401}.
	 */
	public void expireIssuedTokens() {
		this.issuedTokens.expireAll();
	}

	/**
	 * Forget what was received: counters, received events and batches, idempotency keys,
	 * client event ids and faults. Tokens issued so far stay valid, as they would at Rokt,
	 * so an application that holds one keeps working; see {@link #expireIssuedTokens()}.
	 */
	public void reset() {
		this.faults.clear();
		this.tokenEndpoint.reset();
		this.eventsEndpoint.reset();
		this.eventLog.clear();
		this.lastAuthorization.set(AuthorizationKind.NONE);
	}

	/**
	 * Stop the stand-in. Closing it again does nothing.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.server.stop();
		}
	}

	@Override
	public String toString() {
		return "RoktStandIn[baseUrl=" + this.baseUrl + ", clientId=" + clientId() + ", tokenRequests="
				+ tokenRequests() + ", tokensIssued=" + tokensIssued() + ", eventRequests=" + eventRequests()
				+ ", receivedEvents=" + this.eventLog.eventCount() + "]";
	}

	/**
	 * Builds a {@link RoktStandIn} with settings other than the defaults.
	 */
	public static final class Builder {

		private String clientId = DEFAULT_CLIENT_ID;

		private String clientSecret = DEFAULT_CLIENT_SECRET;

		private Duration tokenLifetime = Duration.ofHours(1);

		private TokenKeySpelling tokenKey = TokenKeySpelling.PAGE;

		private boolean expiresInAsString;

		private Clock clock = Clock.systemUTC();

		private @Nullable String accountId;

		private Builder() {
		}

		/**
		 * Set the client id to accept.
		 * @param clientId the client id
		 * @return this builder
		 */
		public Builder clientId(String clientId) {
			this.clientId = requireText(clientId, "clientId");
			return this;
		}

		/**
		 * Set the client secret to accept.
		 * @param clientSecret the client secret
		 * @return this builder
		 */
		public Builder clientSecret(String clientSecret) {
			this.clientSecret = requireText(clientSecret, "clientSecret");
			return this;
		}

		/**
		 * Set how long issued tokens are valid: sent as {@code expires_in} and enforced by
		 * the Event API. Defaults to one hour.
		 * @param tokenLifetime the lifetime, at least one second
		 * @return this builder
		 */
		public Builder tokenLifetime(Duration tokenLifetime) {
			Objects.requireNonNull(tokenLifetime, "tokenLifetime");
			if (tokenLifetime.toSeconds() < 1) {
				throw new IllegalArgumentException("tokenLifetime must be at least 1 second, was " + tokenLifetime);
			}
			this.tokenLifetime = tokenLifetime;
			return this;
		}

		/**
		 * Set how the token's key is spelled. Defaults to {@link TokenKeySpelling#PAGE}
		 * ({@code Access_token}).
		 * @param tokenKey the spelling
		 * @return this builder
		 */
		public Builder tokenKey(TokenKeySpelling tokenKey) {
			this.tokenKey = Objects.requireNonNull(tokenKey, "tokenKey");
			return this;
		}

		/**
		 * Set whether {@code expires_in} is sent as a JSON string ({@code "3600"}) rather
		 * than a number.
		 * @param expiresInAsString whether to send a string
		 * @return this builder
		 */
		public Builder expiresInAsString(boolean expiresInAsString) {
			this.expiresInAsString = expiresInAsString;
			return this;
		}

		/**
		 * Set the clock for token expiry and the event time window. Defaults to
		 * {@link Clock#systemUTC()}.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Set the only {@code accountId} the Event API accepts; others get {@code 403}.
		 * @param accountId the account id, or {@code null} to accept any
		 * @return this builder
		 */
		public Builder accountId(@Nullable String accountId) {
			this.accountId = accountId;
			return this;
		}

		/**
		 * Start a stand-in with these settings.
		 * @return the running stand-in
		 */
		public RoktStandIn start() {
			return new RoktStandIn(new StandInSettings(this.clientId, this.clientSecret, this.tokenLifetime,
					this.tokenKey, this.expiresInAsString, this.clock, this.accountId));
		}

		private static String requireText(String value, String name) {
			Objects.requireNonNull(value, name);
			if (value.isEmpty()) {
				throw new IllegalArgumentException(name + " must not be empty");
			}
			return value;
		}

	}

}
