package io.github.roktauth.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.roktauth.test.RoktStandIn;
import io.github.roktauth.test.TokenKeySpelling;

/**
 * Starts a {@link RoktStandIn} for the test's application context and points the
 * {@code rokt.*} connection properties at it.
 * <p>
 * The stand-in is a bean (inject it with {@code @Autowired RoktStandIn}), lives as long as the
 * (cached) context, and is {@link RoktStandIn#reset() reset} before each test method. The
 * properties {@code rokt.token-uri}, {@code rokt.base-url}, {@code rokt.client-id} and
 * {@code rokt.client-secret} take precedence over every other property source.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureRoktStandIn {

	/**
	 * Client id the stand-in accepts.
	 * @return the client id
	 */
	String clientId() default RoktStandIn.DEFAULT_CLIENT_ID;

	/**
	 * Client secret the stand-in accepts.
	 * @return the client secret
	 */
	String clientSecret() default RoktStandIn.DEFAULT_CLIENT_SECRET;

	/**
	 * Lifetime of issued tokens, in seconds.
	 * @return the token lifetime in seconds
	 */
	long tokenLifetime() default 3600;

	/**
	 * Spelling of the access token's key in token responses.
	 * @return the spelling
	 */
	TokenKeySpelling tokenKey() default TokenKeySpelling.PAGE;

	/**
	 * Whether {@code expires_in} is sent as a JSON string.
	 * @return whether to send a string
	 */
	boolean expiresInAsString() default false;

	/**
	 * Only {@code accountId} the Event API accepts; empty to accept any.
	 * @return the account id
	 */
	String accountId() default "";

}
