package io.github.roktauth.test;

import org.jspecify.annotations.Nullable;

/**
 * The kind of {@code Authorization} header a request to the stand-in carried.
 */
public enum AuthorizationKind {

	/**
	 * No {@code Authorization} header.
	 */
	NONE,

	/**
	 * {@code Basic} credentials.
	 */
	BASIC,

	/**
	 * A {@code Bearer} token.
	 */
	BEARER,

	/**
	 * Any other scheme, or an empty header.
	 */
	OTHER;

	static AuthorizationKind of(@Nullable String authorization) {
		if (authorization == null) {
			return NONE;
		}
		if (hasScheme(authorization, "Basic")) {
			return BASIC;
		}
		if (hasScheme(authorization, "Bearer")) {
			return BEARER;
		}
		return OTHER;
	}

	static boolean hasScheme(String authorization, String scheme) {
		return authorization.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1);
	}

}
