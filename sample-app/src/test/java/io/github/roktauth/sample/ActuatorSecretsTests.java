package io.github.roktauth.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertyValueDescriptor;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot's {@code configprops} and {@code env} actuator endpoints never show the Rokt client
 * secret, even when told to show values.
 */
@SpringBootTest(properties = { "sample.send-on-startup=false", "management.endpoints.web.exposure.include=*",
		"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
		"rokt.client-id=actuator-client", "rokt.client-secret=" + ActuatorSecretsTests.SECRET,
		"rokt.token-uri=http://127.0.0.1:9/auth/oauth2/token", "rokt.base-url=http://127.0.0.1:9",
		"rokt.account-id=acc" })
class ActuatorSecretsTests {

	static final String SECRET = "actuator-secret-Zq7";

	@Autowired
	ConfigurationPropertiesReportEndpoint configprops;

	@Autowired
	EnvironmentEndpoint env;

	@Test
	void configpropsMasksTheClientSecretButShowsOtherValues() {
		ConfigurationPropertiesBeanDescriptor rokt = this.configprops.configurationPropertiesWithPrefix("rokt")
			.getContexts()
			.values()
			.stream()
			.flatMap((context) -> context.getBeans().values().stream())
			.filter((bean) -> "rokt".equals(bean.getPrefix()))
			.findFirst()
			.orElseThrow();
		Map<String, Object> properties = rokt.getProperties();
		assertThat(properties).containsEntry("clientId", "actuator-client").containsEntry("clientSecret", "******");
		assertThat(String.valueOf(properties) + rokt.getInputs()).doesNotContain(SECRET);
	}

	@Test
	void envMasksTheClientSecret() {
		assertThat(this.env.environmentEntry("rokt.client-secret").getProperty().getValue()).isEqualTo("******");
		assertThat(this.env.environmentEntry("rokt.client-id").getProperty().getValue()).isEqualTo("actuator-client");
		List<Object> values = this.env.environment("rokt\\..*")
			.getPropertySources()
			.stream()
			.flatMap((source) -> source.getProperties().values().stream())
			.map(PropertyValueDescriptor::getValue)
			.toList();
		assertThat(values).contains("******", "actuator-client").doesNotContain(SECRET);
	}

}
