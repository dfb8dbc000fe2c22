package io.github.roktauth.test.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.roktauth.test.RoktStandIn;
import io.github.roktauth.test.TokenKeySpelling;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link RoktStandIn} for an application context, registers it as a bean and points
 * the {@code rokt.*} properties at it. Equal settings give equal customizers, so contexts are
 * cached as usual.
 *
 * @param clientId the client id
 * @param clientSecret the client secret
 * @param tokenLifetimeSeconds the token lifetime in seconds
 * @param tokenKey the token key spelling
 * @param expiresInAsString whether {@code expires_in} is a string
 * @param accountId the only account id accepted, empty for any
 */
record RoktStandInContextCustomizer(String clientId, String clientSecret, long tokenLifetimeSeconds,
		TokenKeySpelling tokenKey, boolean expiresInAsString, String accountId) implements ContextCustomizer {

	static final String BEAN_NAME = "roktStandIn";

	static final String PROPERTY_SOURCE_NAME = "roktStandIn";

	static RoktStandInContextCustomizer of(AutoConfigureRoktStandIn annotation) {
		return new RoktStandInContextCustomizer(annotation.clientId(), annotation.clientSecret(),
				annotation.tokenLifetime(), annotation.tokenKey(), annotation.expiresInAsString(),
				annotation.accountId());
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		RoktStandIn standIn = RoktStandIn.builder()
			.clientId(this.clientId)
			.clientSecret(this.clientSecret)
			.tokenLifetime(Duration.ofSeconds(this.tokenLifetimeSeconds))
			.tokenKey(this.tokenKey)
			.expiresInAsString(this.expiresInAsString)
			.accountId(this.accountId.isEmpty() ? null : this.accountId)
			.start();
		registerBean(context, standIn);
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
				properties(standIn)));
	}

	private static void registerBean(ConfigurableApplicationContext context, RoktStandIn standIn) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, standIn);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			// Destroyed with the singletons, also when the context fails to refresh.
			registry.registerDisposableBean(BEAN_NAME, standIn::close);
		}
		else {
			context.addApplicationListener((ContextClosedEvent event) -> {
				if (event.getApplicationContext() == context) {
					standIn.close();
				}
			});
		}
	}

	private static Map<String, Object> properties(RoktStandIn standIn) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("rokt.token-uri", standIn.tokenUri());
		properties.put("rokt.base-url", standIn.baseUrl());
		properties.put("rokt.client-id", standIn.clientId());
		properties.put("rokt.client-secret", standIn.clientSecret());
		return properties;
	}

	@Override
	public String toString() {
		return "RoktStandInContextCustomizer[clientId=" + this.clientId + ", tokenLifetimeSeconds="
				+ this.tokenLifetimeSeconds + ", tokenKey=" + this.tokenKey + ", expiresInAsString="
				+ this.expiresInAsString + ", accountId=" + this.accountId + "]";
	}

}
