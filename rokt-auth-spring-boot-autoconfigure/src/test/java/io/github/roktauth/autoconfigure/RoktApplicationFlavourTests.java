package io.github.roktauth.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.roktauth.autoconfigure.restclient.RoktRestClientAutoConfiguration;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The starter in each kind of application: WebFlux, MVC, non-web, and one with its own
 * Spring Security OAuth2 clients and filter chain.
 */
class RoktApplicationFlavourTests {

	private static final String TOKEN_PATH = "/auth/oauth2/token";

	@RegisterExtension
	static WireMockExtension rokt = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private static final AutoConfigurations ROKT = AutoConfigurations.of(RoktAuthAutoConfiguration.class,
			RoktRestClientAutoConfiguration.class, WebClientAutoConfiguration.class, RestClientAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class);

	private static String[] roktProperties() {
		return new String[] { "rokt.client-id=my-client", "rokt.client-secret=s3cr3t",
				"rokt.token-uri=" + rokt.baseUrl() + TOKEN_PATH, "rokt.base-url=" + rokt.baseUrl() };
	}

	@BeforeEach
	void stubRokt() {
		rokt.stubFor(post(TOKEN_PATH).willReturn(okJson("{\"access_token\":\"tok-app\",\"expires_in\":3600}")));
		rokt.stubFor(post("/v1/events").withHeader("Authorization", equalTo("Bearer tok-app")).willReturn(okJson("{}")));
	}

	@Test
	void webFluxApplicationKeepsItsEndpointsOpenAndCallsRokt() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(ROKT)
			.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class, HttpHandlerAutoConfiguration.class))
			.withUserConfiguration(HelloController.class)
			.withPropertyValues(roktProperties())
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(SecurityWebFilterChain.class);
				WebTestClient.bindToApplicationContext(context)
					.build()
					.get()
					.uri("/hello")
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody(String.class)
					.isEqualTo("hello");
				assertThat(RoktCalls.postWithWebClient(context)).isEqualTo(200);
				rokt.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			});
	}

	@Test
	void mvcApplicationKeepsItsEndpointsOpenWithoutALoginPage() {
		new WebApplicationContextRunner()
			.withConfiguration(ROKT)
			.withConfiguration(
					AutoConfigurations.of(WebMvcAutoConfiguration.class, DispatcherServletAutoConfiguration.class))
			.withUserConfiguration(HelloController.class)
			.withPropertyValues(roktProperties())
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(SecurityFilterChain.class)
					.doesNotHaveBean("springSecurityFilterChain");
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				mvc.perform(get("/hello")).andExpect(status().isOk()).andExpect(content().string("hello"));
				mvc.perform(get("/login")).andExpect(status().isNotFound());
				assertThat(RoktCalls.postWithRestClient(context)).isEqualTo(200);
				assertThat(RoktCalls.postWithWebClient(context)).isEqualTo(200);
				rokt.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			});
	}

	@Test
	void nonWebApplicationCallsRokt() {
		new ApplicationContextRunner().withConfiguration(ROKT).withPropertyValues(roktProperties()).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getSourceApplicationContext()).isNotInstanceOf(WebApplicationContext.class)
				.isNotInstanceOf(org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext.class);
			assertThat(RoktCalls.postWithRestClient(context)).isEqualTo(200);
			assertThat(RoktCalls.postWithWebClient(context)).isEqualTo(200);
			rokt.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
		});
	}

	@Test
	void applicationWithItsOwnOAuth2ClientsAndFilterChainKeepsBothWorking() {
		rokt.stubFor(post("/other/token").willReturn(okJson(
				"{\"access_token\":\"tok-other\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		new WebApplicationContextRunner()
			.withConfiguration(ROKT)
			.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class,
					DispatcherServletAutoConfiguration.class, SecurityAutoConfiguration.class,
					ServletWebSecurityAutoConfiguration.class, OAuth2ClientAutoConfiguration.class))
			.withUserConfiguration(HelloController.class, OwnSecurityConfiguration.class)
			.withPropertyValues(roktProperties())
			.withPropertyValues("spring.security.oauth2.client.registration.other.client-id=app-client",
					"spring.security.oauth2.client.registration.other.client-secret=app-secret",
					"spring.security.oauth2.client.registration.other.authorization-grant-type=client_credentials",
					"spring.security.oauth2.client.provider.other.token-uri=" + rokt.baseUrl() + "/other/token")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(SecurityFilterChain.class);
				assertThat(context.getBean(SecurityFilterChain.class))
					.isSameAs(context.getBean("ownSecurityFilterChain"));
				assertThat(context.getBean(ClientRegistrationRepository.class).findByRegistrationId("rokt")).isNull();
				OAuth2AuthorizedClientManager appManager = context.getBean(OAuth2AuthorizedClientManager.class);
				OAuth2AuthorizedClient other = appManager
					.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("other").principal("app").build());
				assertThat(other.getAccessToken().getTokenValue()).isEqualTo("tok-other");
				assertThat(RoktCalls.postWithRestClient(context)).isEqualTo(200);
				assertThat(RoktCalls.postWithWebClient(context)).isEqualTo(200);
				rokt.verify(exactly(1), postRequestedFor(urlEqualTo("/other/token")));
				rokt.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
					.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
					.build();
				mvc.perform(get("/hello")).andExpect(status().isOk());
				mvc.perform(get("/private")).andExpect(status().isForbidden());
			});
	}

	@Test
	void webFluxApplicationWithItsOwnOAuth2ClientsResolvesThemWithItsOwnManager() {
		rokt.stubFor(post("/other/token").willReturn(okJson(
				"{\"access_token\":\"tok-other\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(ROKT)
			.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
					ReactiveWebSecurityAutoConfiguration.class, ReactiveOAuth2ClientAutoConfiguration.class,
					ReactiveOAuth2ClientWebSecurityAutoConfiguration.class))
			.withUserConfiguration(OtherTokenController.class, OwnReactiveSecurityConfiguration.class)
			.withPropertyValues(roktProperties())
			.withPropertyValues("spring.security.oauth2.client.registration.other.client-id=app-client",
					"spring.security.oauth2.client.registration.other.client-secret=app-secret",
					"spring.security.oauth2.client.registration.other.authorization-grant-type=client_credentials",
					"spring.security.oauth2.client.provider.other.token-uri=" + rokt.baseUrl() + "/other/token")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WebTestClient.bindToApplicationContext(context)
					.build()
					.get()
					.uri("/other-token")
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody(String.class)
					.isEqualTo("tok-other");
				assertThat(RoktCalls.postWithWebClient(context)).isEqualTo(200);
				rokt.verify(exactly(1), postRequestedFor(urlEqualTo("/other/token")));
				rokt.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			});
	}

	@RestController
	static class HelloController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

		@GetMapping("/private")
		String secret() {
			return "private";
		}

	}

	@RestController
	static class OtherTokenController {

		@GetMapping("/other-token")
		Mono<String> otherToken(@RegisteredOAuth2AuthorizedClient("other") OAuth2AuthorizedClient client) {
			return Mono.just(client.getAccessToken().getTokenValue());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFluxSecurity
	static class OwnReactiveSecurityConfiguration {

		@Bean
		SecurityWebFilterChain ownSecurityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnSecurityConfiguration {

		@Bean
		SecurityFilterChain ownSecurityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/hello").permitAll().anyRequest().authenticated());
			http.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> response.sendError(403)));
			return http.build();
		}

		@Bean
		OAuth2AuthorizedClientManager appAuthorizedClientManager(ClientRegistrationRepository registrations,
				OAuth2AuthorizedClientService clients) {
			return new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
		}

	}

}
