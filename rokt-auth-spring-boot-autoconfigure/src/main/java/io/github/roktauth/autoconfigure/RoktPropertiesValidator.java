package io.github.roktauth.autoconfigure;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Checks {@link RoktProperties} before anything is built from them.
 */
final class RoktPropertiesValidator {

	private static final String DISABLE = " Or set rokt.enabled=false to switch the Rokt starter off.";

	private RoktPropertiesValidator() {
	}

	static void validate(RoktProperties properties) {
		requireText("rokt.client-id", properties.getClientId(),
				"Set rokt.client-id (for example with the environment variable ROKT_CLIENT_ID) to the client ID "
						+ "(App ID) from your Rokt account manager." + DISABLE);
		requireText("rokt.client-secret", properties.getClientSecret(),
				"Set rokt.client-secret (for example with the environment variable ROKT_CLIENT_SECRET) to the "
						+ "client secret (App Secret) from your Rokt account manager." + DISABLE);
		if (properties.getClientId().contains(":")) {
			throw new InvalidRoktPropertiesException("rokt.client-id", "contains ':'",
					"HTTP Basic authentication cannot carry a client ID with a colon: check rokt.client-id against the "
							+ "client ID (App ID) from your Rokt account manager.");
		}
		requireText("rokt.registration-id", properties.getRegistrationId(),
				"Set rokt.registration-id to a non-blank name or leave it unset for the default 'rokt'.");
		requireUrl("rokt.token-uri", properties.getTokenUri(), true);
		requireUrl("rokt.base-url", properties.getBaseUrl(), true);
		List<URI> trusted = properties.getTrustedOrigins();
		for (int i = 0; i < trusted.size(); i++) {
			requireUrl("rokt.trusted-origins[" + i + "]", trusted.get(i), false);
		}
		RoktProperties.Token token = properties.getToken();
		requirePositive("rokt.token.default-lifetime", token.getDefaultLifetime());
		requirePositive("rokt.token.connect-timeout", token.getConnectTimeout());
		requirePositive("rokt.token.response-timeout", token.getResponseTimeout());
		requirePositive("rokt.token.initial-backoff", token.getInitialBackoff());
		requirePositive("rokt.token.max-backoff", token.getMaxBackoff());
		requireNotNegative("rokt.token.refresh-before", token.getRefreshBefore());
		requireNotNegative("rokt.token.failure-cooldown", token.getFailureCooldown());
		if (token.getMaxAttempts() < 1 || token.getMaxAttempts() > 10) {
			throw new InvalidRoktPropertiesException("rokt.token.max-attempts",
					"is " + token.getMaxAttempts() + " but must be between 1 and 10",
					"Set rokt.token.max-attempts to the number of attempts per token fetch, counting the first "
							+ "(default 3).");
		}
	}

	private static void requireText(String property, @Nullable String value, String action) {
		if (!StringUtils.hasText(value)) {
			throw new InvalidRoktPropertiesException(property, (value == null) ? "is not set" : "is blank", action);
		}
	}

	private static void requireUrl(String property, URI url, boolean withPath) {
		String shape = withPath ? "an absolute https URL such as https://api.rokt.com"
				: "an origin such as https://api.example.com";
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!url.isAbsolute() || !("https".equals(scheme) || "http".equals(scheme))) {
			throw new InvalidRoktPropertiesException(property, "is '" + url + "', which is not " + shape,
					"Set " + property + " to " + shape + ".");
		}
		if (url.getHost() == null) {
			throw new InvalidRoktPropertiesException(property, "is '" + url + "', which has no valid host name",
					"Set " + property + " to " + shape + " (host names may not contain '_').");
		}
		if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
			throw new InvalidRoktPropertiesException(property, "must not contain user info, a query or a fragment",
					"Set " + property + " to " + shape + ".");
		}
		if (!withPath && StringUtils.hasText(url.getPath()) && !"/".equals(url.getPath())) {
			throw new InvalidRoktPropertiesException(property, "is '" + url + "', which has a path",
					"Set " + property + " to an origin only (scheme://host[:port]).");
		}
		if ("http".equals(scheme) && !isLoopback(url.getHost())) {
			throw new InvalidRoktPropertiesException(property,
					"is '" + url + "': plain http would send Rokt credentials or tokens unencrypted",
					"Use https (plain http is allowed only for loopback hosts such as localhost or 127.0.0.1, "
							+ "for local testing).");
		}
	}

	private static boolean isLoopback(String host) {
		String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if ("localhost".equalsIgnoreCase(bare)) {
			return true;
		}
		if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
			return false;
		}
		try {
			return InetAddress.getByName(bare).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static void requirePositive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new InvalidRoktPropertiesException(property, "is " + value + " but must be positive",
					"Set " + property + " to a positive duration such as 10s, or leave it unset for the default.");
		}
	}

	private static void requireNotNegative(String property, Duration value) {
		if (value.isNegative()) {
			throw new InvalidRoktPropertiesException(property, "is " + value + " but must not be negative",
					"Set " + property + " to zero or a positive duration such as 60s, or leave it unset for the "
							+ "default.");
		}
	}

}
