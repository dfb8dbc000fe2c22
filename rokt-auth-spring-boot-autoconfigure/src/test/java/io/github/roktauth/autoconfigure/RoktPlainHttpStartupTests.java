package io.github.roktauth.autoconfigure;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, point 11: Rokt credentials and tokens never travel over plain {@code http}
 * except to loopback hosts; anything else stops the application at startup, saying why.
 */
class RoktPlainHttpStartupTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RoktAuthAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withPropertyValues("rokt.client-id=my-client", "rokt.client-secret=plain-http-secret");

	@ParameterizedTest
	@CsvSource({ "rokt.token-uri, http://api.rokt.com/auth/oauth2/token",
			"rokt.token-uri, http://localhost.attacker.example/auth/oauth2/token",
			"rokt.token-uri, http://127.0.0.1.nip.io/auth/oauth2/token",
			"rokt.token-uri, http://[::ffff:10.0.0.1]/auth/oauth2/token", "rokt.base-url, http://api.rokt.com",
			"rokt.base-url, http://10.0.0.7:8080", "rokt.trusted-origins[0], http://reports.example.com" })
	void failsToStartWithPlainHttpToANonLoopbackHost(String property, String url) {
		this.contextRunner.withPropertyValues(property + "=" + url).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidRoktPropertiesException.class)
				.hasMessageContaining(property)
				.hasMessageContaining("plain http would send Rokt credentials or tokens unencrypted");
			FailureAnalysis analysis = new RoktPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(property);
			assertThat(analysis.getAction()).contains("Use https");
			assertThat(context.getStartupFailure()).hasStackTraceContaining(property)
				.satisfies((ex) -> assertThat(stackTrace(ex)).doesNotContain("plain-http-secret"));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8089", "http://LOCALHOST:8089", "http://127.0.0.1:8089",
			"http://127.0.0.2:8089", "http://[::1]:8089" })
	void allowsPlainHttpToLoopbackHostsForLocalTesting(String origin) {
		this.contextRunner
			.withPropertyValues("rokt.token-uri=" + origin + "/auth/oauth2/token", "rokt.base-url=" + origin,
					"rokt.trusted-origins=" + origin)
			.run((context) -> assertThat(context).hasNotFailed().hasBean("roktWebClient"));
	}

	@Test
	void acceptsHttpsEverywhere() {
		this.contextRunner
			.withPropertyValues("rokt.token-uri=https://auth.example.com/oauth2/token",
					"rokt.base-url=https://api.example.com", "rokt.trusted-origins=https://reports.example.com:8443")
			.run((context) -> assertThat(context).hasNotFailed().hasBean("roktAuthorizedClientManager"));
	}

	private static String stackTrace(Throwable ex) {
		StringWriter writer = new StringWriter();
		ex.printStackTrace(new PrintWriter(writer));
		return writer.toString();
	}

}
