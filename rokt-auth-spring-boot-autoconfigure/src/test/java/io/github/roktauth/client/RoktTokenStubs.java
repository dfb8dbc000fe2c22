package io.github.roktauth.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Shared fixtures for tests that run Rokt's token endpoint on WireMock.
 */
final class RoktTokenStubs {

	static final String TOKEN_PATH = "/auth/oauth2/token";

	static final String CLIENT_ID = "test-client";

	static final String CLIENT_SECRET = "s3cr3t+/=%&é";

	private RoktTokenStubs() {
	}

	static ClientRegistration registration(String baseUrl) {
		return ClientRegistration.withRegistrationId("rokt")
			.clientId(CLIENT_ID)
			.clientSecret(CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(baseUrl + TOKEN_PATH)
			.build();
	}

	/**
	 * Settings with small backoffs so retry tests stay fast.
	 */
	static RoktTokenSettings settings(int maxAttempts, Duration responseTimeout) {
		return new RoktTokenSettings("rokt", Duration.ofSeconds(60), Duration.ofHours(1), responseTimeout,
				maxAttempts, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(2));
	}

	static RoktTokenSettings settings() {
		return settings(1, Duration.ofSeconds(5));
	}

	static ResponseDefinitionBuilder token(String value, long expiresIn) {
		return tokenBody("{\"access_token\":\"" + value + "\",\"expires_in\":" + expiresIn
				+ ",\"token_type\":\"Bearer\"}");
	}

	static ResponseDefinitionBuilder tokenBody(String json) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json);
	}

	static RequestPatternBuilder tokenRequests() {
		return postRequestedFor(urlEqualTo(TOKEN_PATH));
	}

	/**
	 * Counts token fetches the moment the manager starts them, so a test can tell that no
	 * background fetch was started without waiting for one that might still come.
	 */
	static final class CountingTokenClient
			implements ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> {

		private final ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> delegate;

		private final AtomicInteger started = new AtomicInteger();

		CountingTokenClient(ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> delegate) {
			this.delegate = delegate;
		}

		@Override
		public Mono<OAuth2AccessTokenResponse> getTokenResponse(OAuth2ClientCredentialsGrantRequest grantRequest) {
			this.started.incrementAndGet();
			return this.delegate.getTokenResponse(grantRequest);
		}

		int started() {
			return this.started.get();
		}

	}

}
