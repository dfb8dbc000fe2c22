package io.github.roktauth.client;

import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;

/**
 * A token held by {@link RoktAuthorizedClientManager}, with the instants (from the
 * manager's clock) at which it is refreshed and at which it expires.
 */
final class CachedToken {

	private final OAuth2AuthorizedClient client;

	private final Mono<OAuth2AuthorizedClient> mono;

	private final long refreshAtMillis;

	private final long expiresAtMillis;

	private CachedToken(OAuth2AuthorizedClient client, long refreshAtMillis, long expiresAtMillis) {
		this.client = client;
		this.mono = Mono.just(client);
		this.refreshAtMillis = refreshAtMillis;
		this.expiresAtMillis = expiresAtMillis;
	}

	/**
	 * A token whose expiry and refresh point follow from its lifetime.
	 * @param client the authorized client, whose access token has issue and expiry instants
	 * @param refreshBefore how long before expiry to refresh, capped at half the lifetime
	 */
	static CachedToken of(OAuth2AuthorizedClient client, Duration refreshBefore) {
		Instant issuedAt = client.getAccessToken().getIssuedAt();
		Instant expiresAt = client.getAccessToken().getExpiresAt();
		long expires = expiresAt.toEpochMilli();
		long lifetime = (issuedAt != null) ? expires - issuedAt.toEpochMilli() : 0;
		long ahead = Math.min(refreshBefore.toMillis(), Math.max(0, lifetime / 2));
		return new CachedToken(client, expires - ahead, expires);
	}

	OAuth2AuthorizedClient client() {
		return this.client;
	}

	Mono<OAuth2AuthorizedClient> mono() {
		return this.mono;
	}

	String tokenValue() {
		return this.client.getAccessToken().getTokenValue();
	}

	boolean isValidAt(long nowMillis) {
		return nowMillis < this.expiresAtMillis;
	}

	boolean isDueForRefreshAt(long nowMillis) {
		return nowMillis >= this.refreshAtMillis;
	}

	Instant expiresAt() {
		return Instant.ofEpochMilli(this.expiresAtMillis);
	}

	@Override
	public String toString() {
		return "CachedToken[expiresAt=" + expiresAt() + "]";
	}

}
