package io.github.roktauth.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.roktauth.client.RoktAuthenticationException;
import io.github.roktauth.client.RoktAuthorizedClientManager;
import io.github.roktauth.client.RoktTokenListener;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * Builds {@link RoktAuthorizedClientManager}s on a settable clock with a scripted token
 * endpoint, for tests of the integrations that read the token cache.
 */
public final class TestManagers {

	private TestManagers() {
	}

	public static ClientRegistration registration() {
		return ClientRegistration.withRegistrationId("rokt")
			.clientId("my-client")
			.clientSecret("s3cr3t")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri("https://api.rokt.com/auth/oauth2/token")
			.build();
	}

	public static OAuth2AccessTokenResponse token(String value, long expiresInSeconds) {
		return OAuth2AccessTokenResponse.withToken(value)
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(expiresInSeconds)
			.build();
	}

	public static RoktAuthenticationException invalidClient() {
		return new RoktAuthenticationException(RoktAuthenticationException.Reason.INVALID_CLIENT, "rokt",
				"Rokt refused the client credentials with HTTP 401 invalid_client", 401, null, null);
	}

	/**
	 * A token endpoint whose next answer the test sets.
	 */
	public static final class ScriptedEndpoint {

		private final AtomicReference<Mono<OAuth2AccessTokenResponse>> next = new AtomicReference<>(
				Mono.error(new IllegalStateException("no answer scripted")));

		public void answer(OAuth2AccessTokenResponse response) {
			this.next.set(Mono.just(response));
		}

		public void fail(RoktAuthenticationException failure) {
			this.next.set(Mono.error(failure));
		}

		public RoktAuthorizedClientManager manager(Clock clock, RoktTokenListener... listeners) {
			return RoktAuthorizedClientManager.builder(registration(), (request) -> Mono.defer(this.next::get))
				.clock(clock)
				.failureCooldown(Duration.ZERO)
				.listeners(List.of(listeners))
				.build();
		}

	}

}
