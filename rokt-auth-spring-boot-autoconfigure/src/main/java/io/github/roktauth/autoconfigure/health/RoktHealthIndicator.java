package io.github.roktauth.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.roktauth.client.RoktAuthenticationException;
import io.github.roktauth.client.RoktAuthorizedClientManager;
import io.github.roktauth.client.RoktTokenStatus;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link HealthIndicator} for the Rokt token, read from the token cache of a
 * {@link RoktAuthorizedClientManager}; it never calls Rokt. {@code UP} while a valid
 * token is held, {@code UNKNOWN} before the first fetch, {@code DOWN} when the last
 * fetch failed and no valid token remains. Its details never contain a secret or token.
 */
public class RoktHealthIndicator implements HealthIndicator {

	private final RoktAuthorizedClientManager manager;

	private final Clock clock;

	/**
	 * Create an indicator for the given manager.
	 * @param manager the manager whose token cache to report
	 */
	public RoktHealthIndicator(RoktAuthorizedClientManager manager) {
		this(manager, Clock.systemUTC());
	}

	RoktHealthIndicator(RoktAuthorizedClientManager manager, Clock clock) {
		this.manager = manager;
		this.clock = clock;
	}

	@Override
	public Health health() {
		RoktTokenStatus status = this.manager.status();
		Instant expiresAt = status.expiresAt();
		RoktAuthenticationException failure = status.lastFailure();
		if (expiresAt != null) {
			Health.Builder builder = Health.up()
				.withDetail("expiresInSeconds", Math.max(0, Duration.between(this.clock.instant(), expiresAt).toSeconds()))
				.withDetail("expiresAt", expiresAt.toString());
			if (failure != null) {
				builder.withDetail("lastRefreshError", failure.getReason().errorCode());
			}
			return builder.build();
		}
		if (failure == null) {
			return Health.unknown().withDetail("token", "not fetched yet").build();
		}
		Health.Builder builder = Health.down().withDetail("error", failure.getReason().errorCode());
		if (failure.getHttpStatus() != null) {
			builder.withDetail("httpStatus", failure.getHttpStatus());
		}
		return builder.build();
	}

}
