package io.github.roktauth.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.roktauth.client.RoktAuthorizedClientManager;
import io.r2dbc.h2.CloseableConnectionFactory;
import io.r2dbc.h2.H2ConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.R2dbcReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet sharing one Rokt token through a user's {@code @Qualifier("rokt")}
 * {@link ReactiveOAuth2AuthorizedClientService}: Spring Security's
 * {@link R2dbcReactiveOAuth2AuthorizedClientService} on an embedded H2 database.
 */
class RoktSharedTokenStoreTests {

	private static final String TOKEN_PATH = "/auth/oauth2/token";

	@RegisterExtension
	static WireMockExtension rokt = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	static CloseableConnectionFactory connectionFactory;

	static DatabaseClient database;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RoktAuthAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withUserConfiguration(SharedTokenStoreConfiguration.class)
		.withPropertyValues("rokt.client-id=my-client", "rokt.client-secret=s3cr3t",
				"rokt.token-uri=" + rokt.baseUrl() + TOKEN_PATH, "rokt.base-url=" + rokt.baseUrl());

	@BeforeAll
	static void createSchema() throws IOException {
		connectionFactory = H2ConnectionFactory.inMemory("rokt-shared-token-store");
		database = DatabaseClient.create(connectionFactory);
		String schema = new ClassPathResource("org/springframework/security/oauth2/client/oauth2-client-schema.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		database.sql(schema).then().block(Duration.ofSeconds(10));
	}

	@AfterAll
	static void closeDatabase() {
		connectionFactory.close();
	}

	@BeforeEach
	void emptyStoreAndStubRokt() {
		database.sql("DELETE FROM oauth2_authorized_client").then().block(Duration.ofSeconds(10));
		rokt.stubFor(post(TOKEN_PATH).willReturn(okJson("{\"access_token\":\"tok-shared\",\"expires_in\":3600}")));
		rokt.stubFor(
				post("/v1/events").withHeader("Authorization", equalTo("Bearer tok-shared")).willReturn(okJson("{}")));
	}

	@Test
	void secondInstanceUsesTheStoredTokenWithoutRequestingOne() {
		this.contextRunner.run((first) -> {
			assertThat(RoktCalls.postWithWebClient(first)).isEqualTo(200);
			rokt.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			assertThat(storedRows()).isEqualTo(1L);
			this.contextRunner.run((second) -> {
				assertThat(second.getBean("roktAuthorizedClientManager")).isNotSameAs(first.getBean("roktAuthorizedClientManager"));
				assertThat(RoktCalls.postWithWebClient(second)).isEqualTo(200);
				assertThat(manager(second).status().expiresAt()).isEqualTo(manager(first).status().expiresAt());
			});
			rokt.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			rokt.verify(exactly(2), postRequestedFor(urlEqualTo("/v1/events"))
				.withHeader("Authorization", equalTo("Bearer tok-shared")));
		});
	}

	@Test
	void oneInstanceStillFetchesOnceForManyConcurrentCallers() {
		this.contextRunner.run((context) -> {
			WebClient client = context.getBean("roktWebClient", WebClient.class);
			List<Integer> statuses = Flux.range(0, 64)
				.parallel(16)
				.runOn(Schedulers.parallel())
				.flatMap((i) -> client.post().uri("/v1/events").bodyValue("{}").retrieve().toBodilessEntity())
				.map((response) -> response.getStatusCode().value())
				.sequential()
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(statuses).hasSize(64).containsOnly(200);
			rokt.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			assertThat(storedRows()).isEqualTo(1L);
		});
	}

	private static long storedRows() {
		return database.sql("SELECT COUNT(*) AS c FROM oauth2_authorized_client WHERE client_registration_id = 'rokt'")
			.map((row) -> row.get("c", Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

	private static RoktAuthorizedClientManager manager(ApplicationContext context) {
		return context.getBean("roktAuthorizedClientManager", RoktAuthorizedClientManager.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class SharedTokenStoreConfiguration {

		@Bean
		@Qualifier(RoktAuthAutoConfiguration.TOKEN_STORE_QUALIFIER)
		ReactiveOAuth2AuthorizedClientService roktTokenStore() {
			// The store only needs to know the registration ID; the token request uses rokt.* properties.
			ClientRegistration rokt = ClientRegistration.withRegistrationId("rokt")
				.clientId("my-client")
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.tokenUri("https://api.rokt.com/auth/oauth2/token")
				.build();
			// H2's R2DBC driver blocks: the manager keeps store calls off the event loop by itself.
			return new R2dbcReactiveOAuth2AuthorizedClientService(database,
					new InMemoryReactiveClientRegistrationRepository(rokt));
		}

	}

}
