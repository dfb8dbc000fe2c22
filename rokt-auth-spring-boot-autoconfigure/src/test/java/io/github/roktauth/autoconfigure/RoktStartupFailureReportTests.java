package io.github.roktauth.autoconfigure;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Issue 3, point 13: bad {@code rokt.*} configuration ends in Boot's "APPLICATION FAILED
 * TO START" report naming the property and the fix, and {@code rokt.enabled=false} needs
 * no credentials.
 */
@ExtendWith(OutputCaptureExtension.class)
class RoktStartupFailureReportTests {

	private static final String SECRET = "report-secret-9f1c";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RoktAuthAutoConfiguration.class, WebClientAutoConfiguration.class));

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"rokt.client-id=my-client | rokt.client-secret is not set | Set rokt.client-secret",
			"rokt.client-secret=" + SECRET + " | rokt.client-id is not set | Set rokt.client-id",
			"rokt.client-id=my-client,rokt.client-secret=  | rokt.client-secret is blank | Set rokt.client-secret",
			"CREDENTIALS,rokt.token-uri=api.rokt.com/auth/oauth2/token | rokt.token-uri is 'api.rokt.com/auth/oauth2/token', which is not an absolute https URL | Set rokt.token-uri to an absolute https URL",
			"CREDENTIALS,rokt.token-uri=https://user:pw@api.rokt.com/token | rokt.token-uri must not contain user info | Set rokt.token-uri",
			"CREDENTIALS,rokt.base-url=http://api.rokt.com | rokt.base-url is 'http://api.rokt.com': plain http | Use https",
			"CREDENTIALS,rokt.token.connect-timeout=-1s | rokt.token.connect-timeout is PT-1S but must be positive | Set rokt.token.connect-timeout to a positive duration",
			"CREDENTIALS,rokt.token.refresh-before=-60s | rokt.token.refresh-before is PT-1M but must not be negative | Set rokt.token.refresh-before",
			"CREDENTIALS,rokt.token.max-attempts=0 | rokt.token.max-attempts is 0 but must be between 1 and 10 | Set rokt.token.max-attempts" })
	void describesTheOffendingPropertyAndTheFix(String properties, String description, String action) {
		String[] values = properties.replace("CREDENTIALS", "rokt.client-id=my-client,rokt.client-secret=" + SECRET)
			.split(",");
		this.contextRunner.withPropertyValues(values).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new RoktPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).as("analysis").isNotNull();
			assertThat(analysis.getDescription()).contains(description).doesNotContain(SECRET);
			assertThat(analysis.getAction()).contains(action).doesNotContain(SECRET);
		});
	}

	@Test
	void printsApplicationFailedToStartWithThePropertyAndTheFix(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("rokt.client-id=my-client"));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Rokt is not configured correctly: rokt.client-secret is not set.")
			.contains("Set rokt.client-secret (for example with the environment variable ROKT_CLIENT_SECRET)");
	}

	@Test
	void reportsANonHttpsTokenUriWithoutPrintingTheSecret(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("rokt.client-id=my-client", "rokt.client-secret=" + SECRET,
				"rokt.token-uri=http://api.rokt.com/auth/oauth2/token"));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("rokt.token-uri is 'http://api.rokt.com/auth/oauth2/token': plain http")
			.contains("Use https")
			.doesNotContain(SECRET);
	}

	@Test
	void reportsAMalformedUrlWithThePropertyName(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("rokt.client-id=my-client", "rokt.client-secret=" + SECRET,
				"rokt.base-url=https://api rokt com"));

		assertThat(output).contains("APPLICATION FAILED TO START").contains("rokt.base-url").doesNotContain(SECRET);
	}

	@Test
	void startsWithoutCredentialsWhenDisabled() {
		try (ConfigurableApplicationContext context = run("rokt.enabled=false")) {
			assertThat(context.containsBean("roktAuthorizedClientManager")).isFalse();
			assertThat(context.containsBean("roktWebClient")).isFalse();
		}
	}

	private static ConfigurableApplicationContext run(String... properties) {
		SpringApplication application = new SpringApplication(RoktApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setRegisterShutdownHook(false);
		application.setBannerMode(Banner.Mode.OFF);
		String[] args = Arrays.stream(properties).map((property) -> "--" + property).toArray(String[]::new);
		return application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ RoktAuthAutoConfiguration.class, WebClientAutoConfiguration.class })
	static class RoktApplication {

	}

}
