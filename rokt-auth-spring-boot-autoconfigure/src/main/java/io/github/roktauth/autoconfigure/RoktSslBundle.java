package io.github.roktauth.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * Resolves {@code rokt.ssl.bundle} to the {@link SslBundle} that Rokt connections use.
 */
public final class RoktSslBundle {

	private RoktSslBundle() {
	}

	/**
	 * Return the bundle named by {@code rokt.ssl.bundle}.
	 * @param properties the Rokt properties
	 * @param sslBundles Spring Boot's SSL bundles
	 * @return the bundle, or {@code null} when {@code rokt.ssl.bundle} is not set
	 */
	public static @Nullable SslBundle resolve(RoktProperties properties, ObjectProvider<SslBundles> sslBundles) {
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
