package io.github.roktauth.test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the token endpoint of {@link RoktStandIn}.
 */
class RoktStandInTokenEndpointTests {

	private RoktStandIn standIn = RoktStandIn.start();

	private RawRokt rokt = new RawRokt(this.standIn);

	@AfterEach
	void close() {
		this.standIn.close();
	}

	@Test
	void issuesTokenInTheShapePrintedOnRoktsPage() {
		HttpResponse<String> response = this.rokt.token("Authorization", this.rokt.basic(), "Content-Type",
				RawRokt.FORM);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(contentType) -> assertThat(contentType).startsWith("application/json"));
		JsonNode body = RawRokt.json(response);
		assertThat(body.fieldNames()).toIterable().containsExactly("Access_token", "expires_in", "token_type");
		assertThat(body.get("Access_token").asText()).startsWith("eyJ").hasSizeGreaterThan(100);
		assertThat(body.get("expires_in").isNumber()).isTrue();
		assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
		assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
		assertThat(this.standIn.tokenRequests()).isEqualTo(1);
		assertThat(this.standIn.tokensIssued()).isEqualTo(1);
		assertThat(this.standIn.lastAuthorization()).isEqualTo(AuthorizationKind.BASIC);
	}

	@Test
	void acceptsTheExampleFromRoktsPage() {
		try (RoktStandIn page = RoktStandIn.builder().clientId("12345").clientSecret("abcde").start()) {
			HttpResponse<String> response = new RawRokt(page).token("Authorization", "Basic MTIzNDU6YWJjZGU=",
					"Content-Type", RawRokt.FORM);
			assertThat(response.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void issuesADifferentTokenEachTime() {
		assertThat(this.rokt.accessToken()).isNotEqualTo(this.rokt.accessToken());
	}

	@Test
	void refusesWrongSecret() {
		HttpResponse<String> response = this.rokt.token("Authorization",
				RawRokt.basic(RoktStandIn.DEFAULT_CLIENT_ID, "wrong"), "Content-Type", RawRokt.FORM);
		assertInvalidClient(response);
		assertThat(this.standIn.tokenRequests()).isEqualTo(1);
		assertThat(this.standIn.tokensIssued()).isZero();
	}

	@Test
	void refusesMissingBasicCredentials() {
		assertInvalidClient(this.rokt.token("Content-Type", RawRokt.FORM));
		assertThat(this.standIn.lastAuthorization()).isEqualTo(AuthorizationKind.NONE);
	}

	@Test
	void refusesCredentialsSentAsBearer() {
		assertInvalidClient(this.rokt.token("Authorization", "Bearer standin-secret", "Content-Type", RawRokt.FORM));
		assertThat(this.standIn.lastAuthorization()).isEqualTo(AuthorizationKind.BEARER);
	}

	@Test
	void refusesClientCredentialsInTheFormBody() {
		HttpResponse<String> response = this.rokt.post(RoktStandIn.TOKEN_PATH,
				RawRokt.GRANT + "&client_id=standin-client&client_secret=standin-secret", "Content-Type",
				RawRokt.FORM);
		assertInvalidClient(response);
	}

	@Test
	void refusesFormEncodedBasicCredentials() {
		String clientId = "my client";
		String clientSecret = "p+s/w=r%d:x";
		try (RoktStandIn special = RoktStandIn.builder().clientId(clientId).clientSecret(clientSecret).start()) {
			String formEncoded = RawRokt.basic(URLEncoder.encode(clientId, StandardCharsets.UTF_8),
					URLEncoder.encode(clientSecret, StandardCharsets.UTF_8));
			HttpResponse<String> response = new RawRokt(special).token("Authorization", formEncoded, "Content-Type",
					RawRokt.FORM);
			assertInvalidClient(response);
			assertThat(special.tokensIssued()).isZero();
		}
	}

	@Test
	void acceptsRawBasicCredentialsWithSpecialCharacters() {
		String clientId = "my client";
		String clientSecret = "p+s/w=r%d:x";
		try (RoktStandIn special = RoktStandIn.builder().clientId(clientId).clientSecret(clientSecret).start()) {
			HttpResponse<String> response = new RawRokt(special).token("Authorization",
					RawRokt.basic(clientId, clientSecret), "Content-Type", RawRokt.FORM);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(special.tokensIssued()).isEqualTo(1);
		}
	}

	@Test
	void encodesCredentialsAsUtf8() {
		try (RoktStandIn unicode = RoktStandIn.builder().clientId("clïent").clientSecret("sécret€").start()) {
			RawRokt raw = new RawRokt(unicode);
			assertThat(raw.token("Authorization", RawRokt.basic("clïent", "sécret€"), "Content-Type", RawRokt.FORM)
				.statusCode()).isEqualTo(200);
			String latin1 = "Basic " + java.util.Base64.getEncoder()
				.encodeToString("clïent:sécret€".getBytes(StandardCharsets.ISO_8859_1));
			assertInvalidClient(raw.token("Authorization", latin1, "Content-Type", RawRokt.FORM));
		}
	}

	@Test
	void refusesWrongContentType() {
		HttpResponse<String> response = this.rokt.token("Authorization", this.rokt.basic(), "Content-Type",
				"application/json");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(RawRokt.json(response).get("error").asText()).isEqualTo("invalid_request");
	}

	@Test
	void acceptsContentTypeInAnyCaseWithCharset() {
		HttpResponse<String> response = this.rokt.token("Authorization", this.rokt.basic(), "Content-Type",
				"application/X-www-form-urlencoded; charset=UTF-8");
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesMissingGrantType() {
		HttpResponse<String> response = this.rokt.post(RoktStandIn.TOKEN_PATH, "scope=read", "Authorization",
				this.rokt.basic(), "Content-Type", RawRokt.FORM);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(RawRokt.json(response).get("error").asText()).isEqualTo("invalid_request");
	}

	@Test
	void refusesOtherGrantType() {
		HttpResponse<String> response = this.rokt.post(RoktStandIn.TOKEN_PATH, "grant_type=password",
				"Authorization", this.rokt.basic(), "Content-Type", RawRokt.FORM);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(RawRokt.json(response).get("error").asText()).isEqualTo("unsupported_grant_type");
	}

	@Test
	void refusesGet() {
		HttpResponse<String> response = RawRokt.send(HttpRequest.newBuilder(URI.create(this.standIn.tokenUri()))
			.header("Authorization", this.rokt.basic())
			.GET()
			.build());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(this.standIn.tokenRequests()).isEqualTo(1);
	}

	@Test
	void spellsTheTokenKeyInLowercaseWhenAsked() {
		try (RoktStandIn lowercase = RoktStandIn.builder().tokenKey(TokenKeySpelling.LOWERCASE).start()) {
			JsonNode body = RawRokt.json(new RawRokt(lowercase).token("Authorization", this.rokt.basic(),
					"Content-Type", RawRokt.FORM));
			assertThat(body.fieldNames()).toIterable().containsExactly("access_token", "expires_in", "token_type");
		}
	}

	@Test
	void sendsExpiresInAsStringWhenAsked() {
		try (RoktStandIn string = RoktStandIn.builder()
			.expiresInAsString(true)
			.tokenLifetime(Duration.ofMinutes(2))
			.start()) {
			JsonNode body = RawRokt.json(new RawRokt(string).token("Authorization", this.rokt.basic(),
					"Content-Type", RawRokt.FORM));
			assertThat(body.get("expires_in").isTextual()).isTrue();
			assertThat(body.get("expires_in").asText()).isEqualTo("120");
		}
	}

	@Test
	void countsEveryTokenRequestExactlyUnderConcurrency() {
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String authorization = (i % 4 == 0) ? RawRokt.basic(RoktStandIn.DEFAULT_CLIENT_ID, "wrong")
					: this.rokt.basic();
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.standIn.tokenUri()))
				.header("Authorization", authorization)
				.header("Content-Type", RawRokt.FORM)
				.POST(HttpRequest.BodyPublishers.ofString(RawRokt.GRANT))
				.build();
			responses.add(RawRokt.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
		}
		Set<String> tokens = new HashSet<>();
		int refused = 0;
		for (CompletableFuture<HttpResponse<String>> future : responses) {
			HttpResponse<String> response = future.join();
			if (response.statusCode() == 200) {
				tokens.add(RawRokt.json(response).get("Access_token").asText());
			}
			else {
				assertThat(response.statusCode()).isEqualTo(401);
				refused++;
			}
		}
		assertThat(refused).isEqualTo(50);
		assertThat(tokens).hasSize(150);
		assertThat(this.standIn.tokenRequests()).isEqualTo(200);
		assertThat(this.standIn.tokensIssued()).isEqualTo(150);
	}

	private static void assertInvalidClient(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\"}");
	}

}
