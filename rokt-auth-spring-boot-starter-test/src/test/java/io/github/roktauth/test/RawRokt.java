package io.github.roktauth.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends raw requests to a {@link RoktStandIn}, so that tests control every header.
 */
final class RawRokt {

	static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	static final ObjectMapper JSON = new ObjectMapper();

	static final String FORM = "application/x-www-form-urlencoded";

	static final String GRANT = "grant_type=client_credentials";

	private final RoktStandIn standIn;

	RawRokt(RoktStandIn standIn) {
		this.standIn = standIn;
	}

	static String basic(String clientId, String clientSecret) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
	}

	String basic() {
		return basic(this.standIn.clientId(), this.standIn.clientSecret());
	}

	HttpResponse<String> token(String... headers) {
		return post(RoktStandIn.TOKEN_PATH, GRANT, headers);
	}

	String accessToken() {
		HttpResponse<String> response = token("Authorization", basic(), "Content-Type", FORM);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("No token: " + response.body());
		}
		return json(response).get("Access_token").asText();
	}

	HttpResponse<String> events(String accessToken, String body) {
		return post(RoktStandIn.EVENTS_PATH, body, "Authorization", "Bearer " + accessToken, "Content-Type",
				"application/json", "Rokt-Version", "2020-05-21", "Idempotency-Key", UUID.randomUUID().toString());
	}

	HttpResponse<String> post(String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.standIn.baseUrl() + path))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		try {
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
