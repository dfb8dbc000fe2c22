package io.github.roktauth.autoconfigure.actuate;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * that masks the Rokt client secret in the {@code configprops} and {@code env} actuator
 * endpoints, even when they are set to show values.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class RoktSanitizingAutoConfiguration {

	// Boot masks nothing by key once show-values is on, so the secret needs its own rule.
	@Bean
	@ConditionalOnMissingBean(name = "roktSanitizingFunction")
	SanitizingFunction roktSanitizingFunction() {
		return SanitizingFunction.sanitizeValue().ifKeyMatches(RoktSanitizingAutoConfiguration::isRoktClientSecret);
	}

	// Matches rokt.client-secret (env), rokt.clientSecret (configprops) and ROKT_CLIENT_SECRET (system environment).
	static boolean isRoktClientSecret(String key) {
		String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[-_.\\[\\]]", "");
		return normalized.endsWith("roktclientsecret");
	}

}
