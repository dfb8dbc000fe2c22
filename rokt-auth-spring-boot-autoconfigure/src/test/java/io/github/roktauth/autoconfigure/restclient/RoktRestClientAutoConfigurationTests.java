package io.github.roktauth.autoconfigure.restclient;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.roktauth.autoconfigure.RoktAuthAutoConfiguration;
import io.github.roktauth.client.RoktBearerClientHttpRequestInterceptor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RoktRestClientAutoConfiguration}.
 */
class RoktRestClientAutoConfigurationTests {

	private static final String TOKEN_PATH = "/auth/oauth2/token";

	private static final String BODY = "{\"accountId\":\"1\",\"events\":[{\"clientEventId\":\"e-1\"}]}";

	@RegisterExtension
	static WireMockExtension rokt = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RoktAuthAutoConfiguration.class,
				RoktRestClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				WebClientAutoConfiguration.class))
		.withPropertyValues("rokt.client-id=my-client", "rokt.client-secret=s3cr3t",
				"rokt.token-uri=" + rokt.baseUrl() + TOKEN_PATH, "rokt.base-url=" + rokt.baseUrl());

	private void stubTokens(String... tokens) {
		String state = Scenario.STARTED;
		for (int i = 0; i < tokens.length; i++) {
			String next = "token-" + (i + 1);
			rokt.stubFor(post(TOKEN_PATH).inScenario("tokens")
				.whenScenarioStateIs(state)
				.willReturn(okJson("{\"access_token\":\"" + tokens[i] + "\",\"expires_in\":3600}"))
				.willSetStateTo(next));
			state = next;
		}
	}

	private void stubEvents(String token, int status) {
		rokt.stubFor(post("/v1/events").withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("{}")));
	}

	@Test
	void createsRoktRestClientThatIsNotInjectedByType() {
		this.contextRunner.withBean(ByTypeConsumer.class).run((context) -> {
			assertThat(context).hasBean("roktRestClient").hasBean("roktClientHttpRequestInterceptor");
			assertThat(context.getBean("roktClientHttpRequestInterceptor"))
				.isInstanceOf(RoktBearerClientHttpRequestInterceptor.class);
			assertThat(context.getBean(ByTypeConsumer.class).restClient).isNull();
		});
	}

	@Test
	void sendsTheBearerTokenAndReusesIt() {
		stubTokens("tok-1");
		stubEvents("tok-1", 200);
		this.contextRunner.run((context) -> {
			for (int i = 0; i < 3; i++) {
				assertThat(postEvents(context).getStatusCode().value()).isEqualTo(200);
			}
			rokt.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			rokt.verify(exactly(3), postRequestedFor(urlEqualTo("/v1/events")).withRequestBody(equalTo(BODY)));
		});
	}

	@Test
	void on401EvictsTheTokenAndResendsTheSameBodyOnceWithAFreshToken() {
		stubTokens("tok-old", "tok-new");
		stubEvents("tok-old", 401);
		stubEvents("tok-new", 200);
		this.contextRunner.run((context) -> {
			assertThat(postEvents(context).getStatusCode().value()).isEqualTo(200);
			rokt.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			rokt.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/events"))
				.withHeader("Authorization", equalTo("Bearer tok-new"))
				.withRequestBody(equalTo(BODY)));
		});
	}

	@Test
	void retriesA401OnlyOnce() {
		stubTokens("tok-x", "tok-y", "tok-z");
		stubEvents("tok-x", 401);
		stubEvents("tok-y", 401);
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class).isThrownBy(() -> postEvents(context));
			rokt.verify(exactly(2), postRequestedFor(urlEqualTo("/v1/events")));
			rokt.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN_PATH)));
		});
	}

	@Test
	void neverSendsTheTokenToAnotherOrigin() {
		rokt.stubFor(get("/elsewhere").willReturn(okJson("{}")));
		this.contextRunner.run((context) -> {
			RestClient client = context.getBean("roktRestClient", RestClient.class);
			// Same server, other origin: rokt.base-url names localhost, not 127.0.0.1.
			client.get().uri("http://127.0.0.1:" + rokt.getPort() + "/elsewhere").retrieve().toBodilessEntity();
			rokt.verify(exactly(1), getRequestedFor(urlEqualTo("/elsewhere")).withHeader("Authorization", absent()));
			rokt.verify(exactly(0), postRequestedFor(urlEqualTo(TOKEN_PATH)));
		});
	}

	@Test
	void sharesOneTokenWithRoktWebClient() {
		stubTokens("tok-shared");
		stubEvents("tok-shared", 200);
		this.contextRunner.run((context) -> {
			WebClient webClient = context.getBean("roktWebClient", WebClient.class);
			webClient.post().uri("/v1/events").bodyValue(BODY).retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
			postEvents(context);
			rokt.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			rokt.verify(exactly(2), postRequestedFor(urlEqualTo("/v1/events")));
		});
	}

	@Test
	void backsOffWithoutSpringBootRestClient() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(RoktAuthAutoConfiguration.class, RoktRestClientAutoConfiguration.class))
			.withPropertyValues("rokt.client-id=my-client", "rokt.client-secret=s3cr3t")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.restclient"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("roktRestClient")
				.hasBean("roktWebClient"));
	}

	@Test
	void backsOffWhenUserDefinesRoktRestClient() {
		RestClient own = RestClient.create();
		this.contextRunner.withBean("roktRestClient", RestClient.class, () -> own)
			.run((context) -> assertThat(context.getBean("roktRestClient")).isSameAs(own));
	}

	private static ResponseEntity<Void> postEvents(ApplicationContext context) {
		return context.getBean("roktRestClient", RestClient.class)
			.post()
			.uri("/v1/events")
			.header("Content-Type", "application/json")
			.body(BODY)
			.retrieve()
			.toBodilessEntity();
	}

	static class ByTypeConsumer {

		@Autowired(required = false)
		@Nullable RestClient restClient;

	}

}
