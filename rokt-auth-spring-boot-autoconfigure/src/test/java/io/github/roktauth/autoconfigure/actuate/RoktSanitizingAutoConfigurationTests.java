package io.github.roktauth.autoconfigure.actuate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RoktSanitizingAutoConfiguration}.
 */
class RoktSanitizingAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RoktSanitizingAutoConfiguration.class));

	@ParameterizedTest
	@ValueSource(strings = { "rokt.client-secret", "rokt.clientSecret", "ROKT_CLIENT_SECRET", "rokt.client_secret" })
	void masksTheRoktClientSecretUnderEveryKeySpelling(String key) {
		this.contextRunner.run((context) -> {
			SanitizingFunction function = context.getBean("roktSanitizingFunction", SanitizingFunction.class);
			SanitizableData sanitized = function.applyUnlessFiltered(new SanitizableData(null, key, "s3cr3t"));
			assertThat(sanitized.getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "rokt.client-id", "rokt.token-uri", "other.client-secret" })
	void leavesOtherKeysAlone(String key) {
		this.contextRunner.run((context) -> {
			SanitizingFunction function = context.getBean("roktSanitizingFunction", SanitizingFunction.class);
			assertThat(function.applyUnlessFiltered(new SanitizableData(null, key, "value")).getValue())
				.isEqualTo("value");
		});
	}

	@Test
	void backsOffWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).doesNotHaveBean("roktSanitizingFunction"));
	}

}
