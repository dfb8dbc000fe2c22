package io.github.roktauth.test;

/**
 * How the stand-in spells the access token's key in a token response.
 */
public enum TokenKeySpelling {

	/**
	 * {@code "Access_token"}, as printed on Rokt's page.
	 */
	PAGE("Access_token"),

	/**
	 * {@code "access_token"}, as in RFC 6749 and Rokt's later examples.
	 */
	LOWERCASE("access_token");

	private final String jsonKey;

	TokenKeySpelling(String jsonKey) {
		this.jsonKey = jsonKey;
	}

	/**
	 * Return the JSON key the token is sent under.
	 * @return the key
	 */
	public String jsonKey() {
		return this.jsonKey;
	}

}
