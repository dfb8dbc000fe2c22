package io.github.roktauth.autoconfigure;

import io.github.roktauth.client.TokenOrigins;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * How the Rokt clients connect, from {@link RoktProperties}: HTTP client settings for the
 * token request and for API calls, and the origins that may receive the token.
 */
public final class RoktConnections {

	private RoktConnections() {
	}

	/**
	 * Settings of the token request: the connect timeout and SSL bundle from
	 * {@code rokt.*}, and no redirects.
	 * @param properties the Rokt properties
	 * @param sslBundles Spring Boot's SSL bundles
	 * @return the settings
	 */
	public static HttpClientSettings tokenRequest(RoktProperties properties, ObjectProvider<SslBundles> sslBundles) {
		// The response timeout is RoktTokenResponseClient's own, so that it is reported as a timeout, not an I/O error.
		return HttpClientSettings.defaults()
			.withConnectTimeout(properties.getToken().getConnectTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW)
			.withSslBundle(sslBundle(properties, sslBundles));
	}

	/**
	 * Settings of calls to Rokt's APIs: Boot's HTTP client settings, the SSL bundle of
	 * {@code rokt.ssl.bundle} when set, and no redirects.
	 * @param properties the Rokt properties
	 * @param httpClientSettings Boot's HTTP client settings
	 * @param sslBundles Spring Boot's SSL bundles
	 * @return the settings
	 */
	public static HttpClientSettings apiCalls(RoktProperties properties,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		// Redirects are never followed: some HTTP clients would carry the Bearer token to another origin.
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		SslBundle sslBundle = sslBundle(properties, sslBundles);
		return (sslBundle != null) ? settings.withSslBundle(sslBundle) : settings;
	}

	/**
	 * Origins that may receive the token: {@code rokt.base-url} and {@code rokt.trusted-origins}.
	 * @param properties the Rokt properties
	 * @return the origins
	 */
	public static TokenOrigins tokenOrigins(RoktProperties properties) {
		return TokenOrigins.of(properties.getBaseUrl(), properties.getTrustedOrigins());
	}

	private static @Nullable SslBundle sslBundle(RoktProperties properties, ObjectProvider<SslBundles> sslBundles) {
		String name = properties.getSsl().getBundle();
		if (!StringUtils.hasText(name)) {
			return null;
		}
		SslBundles bundles = sslBundles.getIfAvailable();
		if (bundles == null) {
			throw new InvalidRoktPropertiesException("rokt.ssl.bundle",
					"names SSL bundle '" + name + "' but no SslBundles bean exists",
					"Enable Spring Boot's SSL auto-configuration and define spring.ssl.bundle.*." + name
							+ ", or unset rokt.ssl.bundle.");
		}
		return bundles.getBundle(name);
	}

}
