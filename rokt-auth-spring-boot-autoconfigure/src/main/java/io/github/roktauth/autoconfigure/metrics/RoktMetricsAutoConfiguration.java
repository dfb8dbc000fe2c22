package io.github.roktauth.autoconfigure.metrics;

import io.github.roktauth.autoconfigure.ConditionalOnRoktAuthorizedClientManager;
import io.github.roktauth.autoconfigure.RoktAuthAutoConfiguration;
import io.github.roktauth.client.RoktAuthorizedClientManager;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * of the Rokt token meters ({@link RoktTokenMetrics}), bound to every {@link MeterRegistry}
 * that Spring Boot's metrics support configures.
 */
@AutoConfiguration(after = RoktAuthAutoConfiguration.class)
@ConditionalOnClass({ MeterRegistry.class, MeterBinder.class })
@ConditionalOnRoktAuthorizedClientManager
public final class RoktMetricsAutoConfiguration {

	// The manager takes its listeners when it is created, so the meters read it lazily.
	@Bean
	@ConditionalOnMissingBean(name = "roktTokenMetrics")
	RoktTokenMetrics roktTokenMetrics(
			@Qualifier("roktAuthorizedClientManager") ObjectProvider<RoktAuthorizedClientManager> manager) {
		return new RoktTokenMetrics(() -> manager.getObject().status());
	}

}
