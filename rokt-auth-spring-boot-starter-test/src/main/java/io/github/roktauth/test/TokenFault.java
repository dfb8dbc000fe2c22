package io.github.roktauth.test;

/**
 * A failure the stand-in's token endpoint can be told to answer with.
 */
public enum TokenFault {

	/**
	 * {@code 503} with an HTML page, as a proxy in front of Rokt would send.
	 */
	SERVICE_UNAVAILABLE_HTML,

	/**
	 * {@code 429} with {@code Retry-After: 1}.
	 */
	TOO_MANY_REQUESTS,

	/**
	 * {@code 401 {"error":"invalid_client"}}, whatever the credentials.
	 */
	INVALID_CLIENT,

	/**
	 * The connection is reset without a response.
	 */
	CONNECTION_RESET

}
