package io.github.roktauth.test;

/**
 * A failure the stand-in's Event API can be told to answer with.
 */
public enum EventsFault {

	/**
	 * {@code 401} {@code UnauthorizedError}, whatever the token.
	 */
	UNAUTHORIZED,

	/**
	 * {@code 500} {@code InternalServerError}.
	 */
	SERVER_ERROR,

	/**
	 * {@code 429} {@code TooManyRequests} with {@code Retry-After: 1}.
	 */
	TOO_MANY_REQUESTS

}
