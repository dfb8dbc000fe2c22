package io.github.roktauth.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for calling Rokt's APIs with a client-credentials token.
 */
@ConfigurationProperties("rokt")
public class RoktProperties {

	/**
	 * Whether to auto-configure the Rokt token manager, filter and WebClient.
	 */
	private boolean enabled = true;

	/**
	 * Rokt client ID (App ID) issued by your Rokt account manager.
	 */
	private @Nullable String clientId;

	/**
	 * Rokt client secret (App Secret). Never logged or printed.
	 */
	private @Nullable String clientSecret;

	/**
	 * Rokt OAuth2 token endpoint.
	 */
	private URI tokenUri = URI.create("https://api.rokt.com/auth/oauth2/token");

	/**
	 * Base URL of Rokt's APIs for 'roktWebClient'; the token is only sent to this origin.
	 */
	private URI baseUrl = URI.create("https://api.rokt.com");

	/**
	 * Additional origins (scheme://host[:port]) that may receive the Rokt token.
	 */
	private List<URI> trustedOrigins = new ArrayList<>();

	/**
	 * Spring Security client registration ID of the Rokt client.
	 */
	private String registrationId = "rokt";

	/**
	 * Rokt account ID that Event API requests carry as 'accountId'; not needed to authenticate.
	 */
	private @Nullable String accountId;

	private final Token token = new Token();

	private final Ssl ssl = new Ssl();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getClientId() {
		return this.clientId;
	}

	public void setClientId(@Nullable String clientId) {
		this.clientId = clientId;
	}

	public @Nullable String getClientSecret() {
		return this.clientSecret;
	}

	public void setClientSecret(@Nullable String clientSecret) {
		this.clientSecret = clientSecret;
	}

	public URI getTokenUri() {
		return this.tokenUri;
	}

	public void setTokenUri(URI tokenUri) {
		this.tokenUri = tokenUri;
	}

	public URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public List<URI> getTrustedOrigins() {
		return this.trustedOrigins;
	}

	public void setTrustedOrigins(List<URI> trustedOrigins) {
		this.trustedOrigins = trustedOrigins;
	}

	public String getRegistrationId() {
		return this.registrationId;
	}

	public void setRegistrationId(String registrationId) {
		this.registrationId = registrationId;
	}

	public @Nullable String getAccountId() {
		return this.accountId;
	}

	public void setAccountId(@Nullable String accountId) {
		this.accountId = accountId;
	}

	public Token getToken() {
		return this.token;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	/**
	 * TLS settings of the token request and of 'roktWebClient' and 'roktRestClient'.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) for connections to Rokt.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * Token lifecycle and token endpoint settings.
	 */
	public static class Token {

		/**
		 * How long before expiry a token is refreshed in the background; at most half the token's lifetime.
		 */
		private Duration refreshBefore = Duration.ofSeconds(60);

		/**
		 * Lifetime assumed when the token response has no usable 'expires_in'.
		 */
		private Duration defaultLifetime = Duration.ofHours(1);

		/**
		 * Connect timeout of the token request.
		 */
		private Duration connectTimeout = Duration.ofSeconds(5);

		/**
		 * Time allowed for the token endpoint to answer one request.
		 */
		private Duration responseTimeout = Duration.ofSeconds(10);

		/**
		 * Attempts per token fetch on I/O errors, 5xx and 429 answers, counting the first.
		 */
		private int maxAttempts = 3;

		/**
		 * Backoff before the first retry of a token fetch; doubles per retry, with jitter.
		 */
		private Duration initialBackoff = Duration.ofMillis(200);

		/**
		 * Longest backoff between token fetch attempts, Retry-After included.
		 */
		private Duration maxBackoff = Duration.ofSeconds(5);

		/**
		 * How long callers get the last failure instead of a new fetch after a token fetch failed.
		 */
		private Duration failureCooldown = Duration.ofSeconds(2);

		public Duration getRefreshBefore() {
			return this.refreshBefore;
		}

		public void setRefreshBefore(Duration refreshBefore) {
			this.refreshBefore = refreshBefore;
		}

		public Duration getDefaultLifetime() {
			return this.defaultLifetime;
		}

		public void setDefaultLifetime(Duration defaultLifetime) {
			this.defaultLifetime = defaultLifetime;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getResponseTimeout() {
			return this.responseTimeout;
		}

		public void setResponseTimeout(Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getFailureCooldown() {
			return this.failureCooldown;
		}

		public void setFailureCooldown(Duration failureCooldown) {
			this.failureCooldown = failureCooldown;
		}

	}

}
