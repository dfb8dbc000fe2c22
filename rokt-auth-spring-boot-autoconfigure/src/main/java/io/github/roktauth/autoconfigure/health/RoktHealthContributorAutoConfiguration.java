package io.github.roktauth.autoconfigure.health;

import io.github.roktauth.autoconfigure.ConditionalOnRoktAuthorizedClientManager;
import io.github.roktauth.autoconfigure.RoktAuthAutoConfiguration;
import io.github.roktauth.client.RoktAuthorizedClientManager;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * of the {@code rokt} health contributor, switched by {@code management.health.rokt.enabled}.
 */
@AutoConfiguration(after = RoktAuthAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnRoktAuthorizedClientManager
public final class RoktHealthContributorAutoConfiguration {

	// On the method: the class-level condition must not name a class that may be absent.
	@Bean
	@ConditionalOnEnabledHealthIndicator("rokt")
	@ConditionalOnMissingBean(name = "roktHealthIndicator")
	RoktHealthIndicator roktHealthIndicator(
			@Qualifier("roktAuthorizedClientManager") RoktAuthorizedClientManager manager) {
		return new RoktHealthIndicator(manager);
	}

}
