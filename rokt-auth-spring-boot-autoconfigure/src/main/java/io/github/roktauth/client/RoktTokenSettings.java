package io.github.roktauth.client;

import java.time.Duration;

/**
 * How Rokt tokens are requested and kept.
 *
 * @param registrationId the client registration ID
 * @param refreshBefore how long before expiry to refresh (at most half the lifetime)
 * @param defaultLifetime lifetime assumed when the response has no usable {@code expires_in}
 * @param responseTimeout time allowed for one token request
 * @param maxAttempts attempts per fetch, counting the first
 * @param initialBackoff backoff before the first retry
 * @param maxBackoff longest backoff between attempts
 * @param failureCooldown how long callers get the last failure instead of a new fetch
 */
public record RoktTokenSettings(String registrationId, Duration refreshBefore, Duration defaultLifetime,
		Duration responseTimeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
		Duration failureCooldown) {

	/**
	 * Settings with the documented defaults.
	 * @param registrationId the client registration ID
	 * @return the settings
	 */
	public static RoktTokenSettings defaults(String registrationId) {
		return new RoktTokenSettings(registrationId, Duration.ofSeconds(60), Duration.ofHours(1),
				Duration.ofSeconds(10), 3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(2));
	}

}
