package io.github.roktauth.test;

import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How a {@link RoktStandIn} was configured.
 *
 * @param clientId the client id it accepts
 * @param clientSecret the client secret it accepts
 * @param tokenLifetime how long an issued token stays valid
 * @param tokenKey how the token's key is spelled
 * @param expiresInAsString whether {@code expires_in} is sent as a JSON string
 * @param clock the clock for token expiry and the event time window
 * @param accountId the only account id accepted, or {@code null} for any
 */
record StandInSettings(String clientId, String clientSecret, Duration tokenLifetime, TokenKeySpelling tokenKey,
		boolean expiresInAsString, Clock clock, @Nullable String accountId) {

	@Override
	public String toString() {
		return "StandInSettings[clientId=" + this.clientId + "]";
	}

}
