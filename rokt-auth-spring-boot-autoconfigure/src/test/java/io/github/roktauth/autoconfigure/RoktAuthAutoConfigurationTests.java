package io.github.roktauth.autoconfigure;

import io.github.roktauth.client.RoktAuthorizedClientManager;
import io.github.roktauth.client.RoktBearerExchangeFilterFunction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RoktAuthAutoConfiguration}.
 */
class RoktAuthAutoConfigurationTests {

	private static final String SECRET = "s3cr3t-value+/=";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RoktAuthAutoConfiguration.class, WebClientAutoConfiguration.class));

	private final ApplicationContextRunner configuredRunner = this.contextRunner
		.withPropertyValues("rokt.client-id=my-client", "rokt.client-secret=" + SECRET);

	@Test
	void createsManagerFilterAndWebClientWhenCredentialsAreSet() {
		this.configuredRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasBean("roktAuthorizedClientManager")
				.hasBean("roktExchangeFilterFunction")
				.hasBean("roktWebClient");
			assertThat(context.getBean("roktAuthorizedClientManager")).isInstanceOf(RoktAuthorizedClientManager.class);
			assertThat(context.getBean("roktExchangeFilterFunction"))
				.isInstanceOf(RoktBearerExchangeFilterFunction.class);
			RoktAuthorizedClientManager manager = context.getBean(RoktAuthorizedClientManager.class);
			assertThat(manager.getRegistrationId()).isEqualTo("rokt");
			assertThat(manager.getTokenUri())
				.isEqualTo("https://api.rokt.com/auth/oauth2/token");
		});
	}

	@Test
	void usesConfiguredRegistrationIdAndTokenUri() {
		this.configuredRunner
			.withPropertyValues("rokt.registration-id=rokt-eu", "rokt.token-uri=https://auth.example.com/token")
			.run((context) -> {
				RoktAuthorizedClientManager manager = context.getBean(RoktAuthorizedClientManager.class);
				assertThat(manager.getRegistrationId()).isEqualTo("rokt-eu");
				assertThat(manager.getTokenUri())
					.isEqualTo("https://auth.example.com/token");
			});
	}

	@Test
	void publishesNoGlobalSpringSecurityClientBeans() {
		this.configuredRunner.run((context) -> assertThat(context)
			.doesNotHaveBean(ReactiveClientRegistrationRepository.class)
			.doesNotHaveBean(ClientRegistrationRepository.class)
			.doesNotHaveBean(ReactiveOAuth2AuthorizedClientService.class));
	}

	@Test
	void roktBeansAreNotInjectedWhereTheApplicationAsksForItsOwnByType() {
		this.configuredRunner.withUserConfiguration(ByTypeConsumerConfiguration.class).run((context) -> {
			ByTypeConsumer consumer = context.getBean(ByTypeConsumer.class);
			assertThat(consumer.manager).isNull();
			assertThat(consumer.webClient).isNull();
			assertThat(consumer.filter).isNull();
		});
	}

	@Test
	void doesNothingAndNeedsNoCredentialsWhenDisabled() {
		this.contextRunner.withPropertyValues("rokt.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean("roktAuthorizedClientManager")
				.doesNotHaveBean("roktExchangeFilterFunction")
				.doesNotHaveBean("roktWebClient")
				.doesNotHaveBean(RoktProperties.class);
		});
	}

	@Test
	void failsToStartWithoutClientId() {
		this.contextRunner.withPropertyValues("rokt.client-secret=" + SECRET).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidRoktPropertiesException.class)
				.hasMessageContaining("rokt.client-id is not set")
				.hasMessageContaining("ROKT_CLIENT_ID");
		});
	}

	@Test
	void failsToStartWithoutClientSecret() {
		this.contextRunner.withPropertyValues("rokt.client-id=my-client").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidRoktPropertiesException.class)
				.hasMessageContaining("rokt.client-secret is not set");
		});
	}

	@Test
	void failsToStartWithBlankClientSecret() {
		this.contextRunner.withPropertyValues("rokt.client-id=my-client", "rokt.client-secret=  ").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("rokt.client-secret is blank");
		});
	}

	@Test
	void failsToStartWithAColonInTheClientId() {
		this.contextRunner.withPropertyValues("rokt.client-id=id:with:colons", "rokt.client-secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidRoktPropertiesException.class)
					.hasMessageContaining("rokt.client-id contains ':'");
			});
	}

	@Test
	void failsToStartWithAHostNameThatIsNotValid() {
		this.configuredRunner.withPropertyValues("rokt.base-url=https://my_host.example.com").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("has no valid host name");
		});
	}

	@Test
	void failsToStartWithPlainHttpTokenUriToAnotherHost() {
		this.configuredRunner.withPropertyValues("rokt.token-uri=http://api.rokt.com/auth/oauth2/token")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("rokt.token-uri")
					.hasMessageContaining("plain http")
					.hasMessageContaining("Use https");
			});
	}

	@Test
	void acceptsPlainHttpToLoopbackHosts() {
		this.configuredRunner
			.withPropertyValues("rokt.token-uri=http://127.0.0.1:8089/auth/oauth2/token",
					"rokt.base-url=http://localhost:8089")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void failsToStartWithRelativeBaseUrl() {
		this.configuredRunner.withPropertyValues("rokt.base-url=api.rokt.com").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("rokt.base-url is 'api.rokt.com', which is not an absolute https URL");
		});
	}

	@Test
	void failsToStartWithNegativeDuration() {
		this.configuredRunner.withPropertyValues("rokt.token.response-timeout=-5s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("rokt.token.response-timeout is PT-5S but must be positive");
		});
	}

	@Test
	void startupFailureMessagesNeverContainTheSecret() {
		this.configuredRunner.withPropertyValues("rokt.token-uri=http://api.rokt.com/token").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("rokt.token-uri");
			assertThat(stackTrace(context.getStartupFailure())).doesNotContain(SECRET);
		});
	}

	@Test
	void failureAnalyzerNamesThePropertyAndTheFix() {
		this.contextRunner.withPropertyValues("rokt.client-id=my-client").run((context) -> {
			FailureAnalysis analysis = new RoktPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("rokt.client-secret is not set");
			assertThat(analysis.getAction()).contains("Set rokt.client-secret").contains("ROKT_CLIENT_SECRET");
		});
	}

	@Test
	void backsOffWhenUserDefinesRoktAuthorizedClientManager() {
		this.configuredRunner.withUserConfiguration(UserManagerConfiguration.class).run((context) -> {
			assertThat(context.getBean("roktAuthorizedClientManager"))
				.isSameAs(context.getBean(UserManagerConfiguration.class).manager);
		});
	}

	@Test
	void backsOffWhenUserDefinesRoktExchangeFilterFunction() {
		this.configuredRunner.withUserConfiguration(UserFilterConfiguration.class).run((context) -> {
			assertThat(context.getBean("roktExchangeFilterFunction")).isSameAs(UserFilterConfiguration.FILTER);
			assertThat(context).hasBean("roktWebClient");
		});
	}

	@Test
	void backsOffWhenUserDefinesRoktWebClient() {
		this.configuredRunner.withUserConfiguration(UserWebClientConfiguration.class).run((context) -> {
			assertThat(context.getBean("roktWebClient")).isSameAs(UserWebClientConfiguration.CLIENT);
			assertThat(context).hasBean("roktAuthorizedClientManager");
		});
	}

	@Test
	void toStringOfPropertiesAndBeansNeverShowsTheSecret() {
		this.configuredRunner.run((context) -> {
			assertThat(context.getBean(RoktProperties.class).toString()).doesNotContain(SECRET);
			assertThat(context.getBean("roktAuthorizedClientManager").toString()).doesNotContain(SECRET)
				.contains("registrationId=rokt");
			assertThat(context.getBean("roktExchangeFilterFunction").toString()).doesNotContain(SECRET);
		});
	}

	private static String stackTrace(Throwable ex) {
		java.io.StringWriter writer = new java.io.StringWriter();
		ex.printStackTrace(new java.io.PrintWriter(writer));
		return writer.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class ByTypeConsumerConfiguration {

		@Bean
		ByTypeConsumer byTypeConsumer() {
			return new ByTypeConsumer();
		}

	}

	static class ByTypeConsumer {

		@Autowired(required = false)
		@Nullable ReactiveOAuth2AuthorizedClientManager manager;

		@Autowired(required = false)
		@Nullable WebClient webClient;

		@Autowired(required = false)
		@Nullable ExchangeFilterFunction filter;

	}

	@Configuration(proxyBeanMethods = false)
	static class UserManagerConfiguration {

		final ReactiveOAuth2AuthorizedClientManager manager = (request) -> Mono.empty();

		@Bean
		ReactiveOAuth2AuthorizedClientManager roktAuthorizedClientManager() {
			return this.manager;
		}

		@Bean
		ExchangeFilterFunction roktExchangeFilterFunction() {
			return (request, next) -> next.exchange(request);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilterConfiguration {

		static final ExchangeFilterFunction FILTER = (request, next) -> next.exchange(request);

		@Bean
		ExchangeFilterFunction roktExchangeFilterFunction() {
			return FILTER;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserWebClientConfiguration {

		static final WebClient CLIENT = WebClient.create("https://api.rokt.com");

		@Bean
		WebClient roktWebClient() {
			return CLIENT;
		}

	}

}
