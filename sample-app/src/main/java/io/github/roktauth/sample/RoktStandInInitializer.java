package io.github.roktauth.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.roktauth.test.RoktStandIn;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an in-process Rokt stand-in and points the {@code rokt.*} properties at it when none of them is
 * configured ({@code rokt.client-id}, {@code rokt.client-secret}, {@code rokt.token-uri}, {@code rokt.base-url}),
 * the starter is enabled and {@code sample.stand-in.enabled} is not {@code false}; the stand-in is stopped with the
 * context.
 */
public final class RoktStandInInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	/** Name of the stand-in's bean and property source. */
	public static final String STAND_IN = "roktStandIn";

	/** Account id used against the stand-in when {@code rokt.account-id} is not set. */
	public static final String DEFAULT_ACCOUNT_ID = "sample-account";

	// Any of these set by the user means they meant a real Rokt: never override them silently.
	private static final List<String> CONNECTION_PROPERTIES = List.of("rokt.client-id", "rokt.client-secret",
			"rokt.token-uri", "rokt.base-url");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.getProperty("sample.stand-in.enabled", Boolean.class, true)
				|| !environment.getProperty("rokt.enabled", Boolean.class, true)
				|| CONNECTION_PROPERTIES.stream().anyMatch(environment::containsProperty)) {
			return;
		}
		RoktStandIn standIn = RoktStandIn.start();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("rokt.client-id", standIn.clientId());
		properties.put("rokt.client-secret", standIn.clientSecret());
		properties.put("rokt.token-uri", standIn.tokenUri());
		properties.put("rokt.base-url", standIn.baseUrl());
		if (!environment.containsProperty("rokt.account-id")) {
			properties.put("rokt.account-id", DEFAULT_ACCOUNT_ID);
		}
		environment.getPropertySources().addFirst(new MapPropertySource(STAND_IN, properties));
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(STAND_IN, standIn);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(STAND_IN, standIn::close);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
