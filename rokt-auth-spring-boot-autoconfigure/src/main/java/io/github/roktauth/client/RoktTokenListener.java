package io.github.roktauth.client;

import java.time.Duration;

/**
 * Callbacks on the token lifecycle of a {@link RoktAuthorizedClientManager}, for metrics
 * and logs. Never given the token itself.
 */
public interface RoktTokenListener {

	/**
	 * A token was obtained from Rokt.
	 * @param lifetime the token's lifetime
	 * @param elapsed how long the fetch took, retries included
	 * @param refresh whether it replaced a still-valid token ahead of its expiry
	 */
	default void tokenFetched(Duration lifetime, Duration elapsed, boolean refresh) {
	}

	/**
	 * A token fetch failed after its retries.
	 * @param failure what went wrong
	 * @param elapsed how long the fetch took, retries included
	 * @param refresh whether it was a background refresh while a valid token was held
	 */
	default void tokenFetchFailed(RoktAuthenticationException failure, Duration elapsed, boolean refresh) {
	}

	/**
	 * A token was dropped because a Rokt API refused it.
	 */
	default void tokenEvicted() {
	}

}
