package io.github.roktauth.test.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

import io.github.roktauth.test.RoktStandIn;
import io.github.roktauth.test.TokenKeySpelling;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link RoktStandInContextCustomizerFactory}.
 */
class RoktStandInContextCustomizerFactoryTests {

	private final RoktStandInContextCustomizerFactory factory = new RoktStandInContextCustomizerFactory();

	@Test
	void doesNothingForTestsWithoutTheAnnotation() {
		assertThat(this.factory.createContextCustomizer(Plain.class, List.of())).isNull();
	}

	@Test
	void givesEqualCustomizersForEqualSettingsSoContextsAreCached() {
		ContextCustomizer first = this.factory.createContextCustomizer(WithDefaults.class, List.of());
		ContextCustomizer second = this.factory.createContextCustomizer(AlsoWithDefaults.class, List.of());
		ContextCustomizer other = this.factory.createContextCustomizer(WithLowercaseKey.class, List.of());
		assertThat(first).isEqualTo(second).hasSameHashCodeAs(second).isNotEqualTo(other);
	}

	@Test
	void neverShowsTheSecretInToString() {
		assertThat(this.factory.createContextCustomizer(WithDefaults.class, List.of()))
			.asString()
			.doesNotContain(RoktStandIn.DEFAULT_CLIENT_SECRET);
	}

	@Test
	void closesTheStandInWithTheContext() {
		ContextCustomizer customizer = this.factory.createContextCustomizer(WithLowercaseKey.class, List.of());
		GenericApplicationContext context = new GenericApplicationContext();
		customizer.customizeContext(context, mock(MergedContextConfiguration.class));
		context.refresh();
		RoktStandIn standIn = context.getBean(RoktStandIn.class);
		assertThat(standIn.clientId()).isEqualTo(RoktStandIn.DEFAULT_CLIENT_ID);
		int port = standIn.port();
		context.close();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			}
		});
	}

	static class Plain {

	}

	@AutoConfigureRoktStandIn
	static class WithDefaults {

	}

	@AutoConfigureRoktStandIn
	static class AlsoWithDefaults {

	}

	@AutoConfigureRoktStandIn(tokenKey = TokenKeySpelling.LOWERCASE)
	static class WithLowercaseKey {

	}

}
