package io.github.roktauth.autoconfigure;

import java.time.Duration;

import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One Event API call through the auto-configured clients, for tests.
 */
final class RoktCalls {

	private RoktCalls() {
	}

	static int postWithWebClient(ApplicationContext context) {
		return context.getBean("roktWebClient", WebClient.class)
			.post()
			.uri("/v1/events")
			.bodyValue("{}")
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(10))
			.getStatusCode()
			.value();
	}

	static int postWithRestClient(ApplicationContext context) {
		return context.getBean("roktRestClient", RestClient.class)
			.post()
			.uri("/v1/events")
			.body("{}")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value();
	}

}
