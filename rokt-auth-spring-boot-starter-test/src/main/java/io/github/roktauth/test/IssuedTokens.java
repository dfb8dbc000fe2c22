package io.github.roktauth.test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The opaque access tokens a stand-in issued, each with its expiry.
 */
final class IssuedTokens {

	private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();

	// Looks like the JWT on Rokt's page, but the rest is random: clients must treat it as opaque.
	private static final String HEADER = BASE64_URL
		.encodeToString("{\"kid\":\"rokt-stand-in\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

	String issue(Instant expiry) {
		String token = next();
		while (this.expiries.putIfAbsent(token, expiry) != null) {
			token = next();
		}
		return token;
	}

	Status status(String token, Instant now) {
		Instant expiry = this.expiries.get(token);
		if (expiry == null) {
			return Status.UNKNOWN;
		}
		return now.isBefore(expiry) ? Status.VALID : Status.EXPIRED;
	}

	void expireAll() {
		this.expiries.replaceAll((token, expiry) -> Instant.MIN);
	}

	private String next() {
		return HEADER + "." + randomPart(96) + "." + randomPart(64);
	}

	private String randomPart(int bytes) {
		byte[] part = new byte[bytes];
		this.random.nextBytes(part);
		return BASE64_URL.encodeToString(part);
	}

	/**
	 * What the stand-in knows about a presented token.
	 */
	enum Status {

		UNKNOWN, EXPIRED, VALID

	}

}
