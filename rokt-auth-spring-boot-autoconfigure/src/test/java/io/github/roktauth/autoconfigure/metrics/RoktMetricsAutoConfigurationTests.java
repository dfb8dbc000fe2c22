package io.github.roktauth.autoconfigure.metrics;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.roktauth.autoconfigure.RoktAuthAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RoktMetricsAutoConfiguration}.
 */
class RoktMetricsAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension rokt = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RoktAuthAutoConfiguration.class, RoktMetricsAutoConfiguration.class,
				WebClientAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
		.withPropertyValues("rokt.client-id=my-client", "rokt.client-secret=s3cr3t",
				"rokt.token-uri=" + rokt.baseUrl() + "/auth/oauth2/token", "rokt.base-url=" + rokt.baseUrl());

	@Test
	void recordsTokenFetchesAndEvictionsOfTheAutoConfiguredManager() {
		rokt.stubFor(post("/auth/oauth2/token").inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("{\"access_token\":\"tok-a\",\"expires_in\":3600,\"token_type\":\"Bearer\"}"))
			.willSetStateTo("second"));
		rokt.stubFor(post("/auth/oauth2/token").inScenario("tokens")
			.whenScenarioStateIs("second")
			.willReturn(okJson("{\"access_token\":\"tok-b\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
		rokt.stubFor(post("/v1/events").withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock
			.equalTo("Bearer tok-a")).willReturn(aResponse().withStatus(401)));
		rokt.stubFor(post("/v1/events").withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock
			.equalTo("Bearer tok-b")).willReturn(okJson("{}")));
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RoktTokenMetrics.class);
			WebClient client = context.getBean("roktWebClient", WebClient.class);
			assertThat(client.post().uri("/v1/events").bodyValue("{}").retrieve().toBodilessEntity()
				.block(Duration.ofSeconds(10)).getStatusCode().value()).isEqualTo(200);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("rokt.auth.token.requests").tag("outcome", "success").timer().count())
				.isEqualTo(2);
			assertThat(registry.get("rokt.auth.token.evictions").counter().count()).isEqualTo(1.0);
			assertThat(registry.get("rokt.auth.token.expiry").gauge().value()).isBetween(3590.0, 3600.0);
		});
	}

	@Test
	void recordsFailedFetchesByErrorKind() {
		rokt.stubFor(post("/auth/oauth2/token").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_client\"}")));
		this.contextRunner.run((context) -> {
			WebClient client = context.getBean("roktWebClient", WebClient.class);
			client.post().uri("/v1/events").bodyValue("{}").retrieve().toBodilessEntity()
				.onErrorResume((ex) -> reactor.core.publisher.Mono.empty()).block(Duration.ofSeconds(10));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("rokt.auth.token.requests").tag("outcome", "invalid_client").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("rokt.auth.token.expiry").gauge().value()).isZero();
		});
	}

	@Test
	void tokenRequestsShowUpInBootsHttpClientObservations() {
		rokt.stubFor(post("/auth/oauth2/token")
			.willReturn(okJson("{\"access_token\":\"tok-o\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
		rokt.stubFor(post("/v1/events").willReturn(okJson("{}")));
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(ObservationAutoConfiguration.class, WebClientObservationAutoConfiguration.class))
			.run((context) -> {
				WebClient client = context.getBean("roktWebClient", WebClient.class);
				client.post().uri("/v1/events").bodyValue("{}").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("http.client.requests").timers())
					.anySatisfy((timer) -> {
						assertThat(timer.getId().getTag("uri")).endsWith("/auth/oauth2/token");
						assertThat(timer.getId().getTag("status")).isEqualTo("200");
						assertThat(timer.count()).isEqualTo(1);
					})
					.anySatisfy((timer) -> assertThat(timer.getId().getTag("uri")).endsWith("/v1/events"));
			});
	}

	@Test
	void backsOffWithoutMicrometer() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RoktAuthAutoConfiguration.class, RoktMetricsAutoConfiguration.class))
			.withPropertyValues("rokt.client-id=my-client", "rokt.client-secret=s3cr3t")
			.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RoktTokenMetrics.class)
				.hasBean("roktAuthorizedClientManager"));
	}

	@Test
	void backsOffWhenUserDefinesRoktTokenMetrics() {
		RoktTokenMetrics own = new RoktTokenMetrics(() -> new io.github.roktauth.client.RoktTokenStatus(null, null));
		this.contextRunner.withBean("roktTokenMetrics", RoktTokenMetrics.class, () -> own)
			.run((context) -> assertThat(context.getBean(RoktTokenMetrics.class)).isSameAs(own));
	}

}
