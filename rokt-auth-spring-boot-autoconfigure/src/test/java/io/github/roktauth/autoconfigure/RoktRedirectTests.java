package io.github.roktauth.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.roktauth.autoconfigure.restclient.RoktRestClientAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A redirect from Rokt's origin is never followed, so no HTTP client (the JDK's keeps the
 * {@code Authorization} header across hosts) can carry the token elsewhere; and a user's
 * manager of another kind switches the Rokt filter and clients off instead of failing.
 */
class RoktRedirectTests {

	@RegisterExtension
	static WireMockExtension rokt = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@RegisterExtension
	static WireMockExtension elsewhere = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RoktAuthAutoConfiguration.class, WebClientAutoConfiguration.class,
					RoktRestClientAutoConfiguration.class, RestClientAutoConfiguration.class))
			.withPropertyValues("rokt.client-id=my-client", "rokt.client-secret=my-secret",
					"rokt.token-uri=" + rokt.baseUrl() + "/auth/oauth2/token", "rokt.base-url=" + rokt.baseUrl());
	}

	@BeforeEach
	void redirectEventsElsewhere() {
		rokt.stubFor(post(urlEqualTo("/auth/oauth2/token"))
			.willReturn(okJson("{\"access_token\":\"tok-r\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
		rokt.stubFor(post(urlEqualTo("/v1/events"))
			.willReturn(aResponse().withStatus(307).withHeader("Location", elsewhere.baseUrl() + "/steal")));
		elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
	}

	@Test
	void roktWebClientDoesNotFollowRedirectsEvenWithTheJdkClient() {
		contextRunner().withBean(ClientHttpConnectorBuilder.class, ClientHttpConnectorBuilder::jdk).run((context) -> {
			int status = context.getBean("roktWebClient", WebClient.class)
				.post()
				.uri("/v1/events")
				.bodyValue("{}")
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block();
			assertThat(status).isEqualTo(307);
			assertThat(elsewhere.getAllServeEvents()).isEmpty();
		});
	}

	@Test
	void roktRestClientDoesNotFollowRedirectsEvenWithTheJdkClient() {
		contextRunner().withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::jdk)
			.run((context) -> {
				int status = context.getBean("roktRestClient", RestClient.class)
					.post()
					.uri("/v1/events")
					.body("{}")
					.exchange((request, response) -> response.getStatusCode().value());
				assertThat(status).isEqualTo(307);
				assertThat(elsewhere.getAllServeEvents()).isEmpty();
			});
	}

	@Test
	void aUserManagerOfAnotherKindSwitchesTheRoktFilterAndClientOff() {
		contextRunner()
			.withBean("roktAuthorizedClientManager", ReactiveOAuth2AuthorizedClientManager.class,
					() -> (request) -> Mono.empty())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("roktExchangeFilterFunction").doesNotHaveBean("roktWebClient");
			});
	}

}
