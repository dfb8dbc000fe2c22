package io.github.roktauth.autoconfigure.health;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.roktauth.autoconfigure.RoktAuthAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RoktHealthContributorAutoConfiguration}.
 */
class RoktHealthContributorAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension rokt = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(RoktAuthAutoConfiguration.class, RoktHealthContributorAutoConfiguration.class))
		.withPropertyValues("rokt.client-id=my-client", "rokt.client-secret=s3cr3t",
				"rokt.token-uri=" + rokt.baseUrl() + "/auth/oauth2/token", "rokt.base-url=" + rokt.baseUrl());

	@Test
	void registersRoktHealthIndicatorThatReportsWithoutCallingRokt() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RoktHealthIndicator.class).hasBean("roktHealthIndicator");
			HealthIndicator indicator = context.getBean("roktHealthIndicator", HealthIndicator.class);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);
			rokt.verify(0, anyRequestedFor(anyUrl()));
		});
	}

	@Test
	void backsOffWhenHealthIndicatorIsDisabled() {
		this.contextRunner.withPropertyValues("management.health.rokt.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RoktHealthIndicator.class));
	}

	@Test
	void backsOffWhenAllDefaultHealthIndicatorsAreDisabled() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RoktHealthIndicator.class));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RoktHealthIndicator.class)
				.hasBean("roktAuthorizedClientManager"));
	}

	@Test
	void backsOffWhenRoktIsDisabled() {
		this.contextRunner.withPropertyValues("rokt.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RoktHealthIndicator.class));
	}

	@Test
	void backsOffWhenUserReplacesTheManagerWithAnotherKind() {
		this.contextRunner
			.withBean("roktAuthorizedClientManager", ReactiveOAuth2AuthorizedClientManager.class,
					() -> (request) -> Mono.empty())
			.withBean("roktExchangeFilterFunction", ExchangeFilterFunction.class,
					() -> (request, next) -> next.exchange(request))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RoktHealthIndicator.class));
	}

	@Test
	void backsOffWhenUserDefinesRoktHealthIndicator() {
		HealthIndicator own = () -> org.springframework.boot.health.contributor.Health.up().build();
		this.contextRunner.withBean("roktHealthIndicator", HealthIndicator.class, () -> own)
			.run((context) -> assertThat(context.getBean("roktHealthIndicator")).isSameAs(own));
	}

}
