package io.github.roktauth.test.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.roktauth.test.RoktStandIn;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureRoktStandIn} in a {@link SpringBootTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "rokt.client-id=from-test-properties")
@AutoConfigureRoktStandIn(clientId = "sample-client")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureRoktStandInTests {

	@Autowired
	private RoktStandIn standIn;

	@Autowired
	private Environment environment;

	@Test
	@Order(1)
	void injectsTheStandInAndPointsTheRoktPropertiesAtIt() throws Exception {
		assertThat(this.environment.getProperty("rokt.token-uri")).isEqualTo(this.standIn.tokenUri());
		assertThat(this.environment.getProperty("rokt.base-url")).isEqualTo(this.standIn.baseUrl());
		assertThat(this.environment.getProperty("rokt.client-id")).isEqualTo("sample-client");
		assertThat(this.environment.getProperty("rokt.client-secret")).isEqualTo(RoktStandIn.DEFAULT_CLIENT_SECRET);
		String basic = Base64.getEncoder()
			.encodeToString(("sample-client:" + RoktStandIn.DEFAULT_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.environment.getProperty("rokt.token-uri")))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.standIn.tokenRequests()).isEqualTo(1);
	}

	@Test
	@Order(2)
	void resetsTheStandInBeforeEachTest() {
		assertThat(this.standIn.tokenRequests()).isZero();
	}

	@SpringBootConfiguration
	static class Config {

	}

}
