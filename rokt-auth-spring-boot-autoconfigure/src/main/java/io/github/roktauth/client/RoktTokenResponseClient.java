package io.github.roktauth.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Fetches Rokt access tokens with Spring Security's
 * {@link WebClientReactiveClientCredentialsTokenResponseClient}, set up for Rokt's wire
 * contract, with a response timeout, retries of transient failures and failures
 * translated to {@link RoktAuthenticationException}.
 */
public final class RoktTokenResponseClient
		implements ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> {

	private final ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> delegate;

	private final Duration responseTimeout;

	private final TokenFetchRetry retry;

	private RoktTokenResponseClient(ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> delegate,
			Duration responseTimeout, TokenFetchRetry retry) {
		this.delegate = delegate;
		this.responseTimeout = responseTimeout;
		this.retry = retry;
	}

	/**
	 * Create a token client that sends token requests through the given {@link WebClient}.
	 * @param webClient the client for token requests (timeouts, proxy and TLS set on its
	 * connector; never the Rokt Bearer filter)
	 * @param settings token endpoint settings
	 * @return the token client
	 */
	public static RoktTokenResponseClient create(WebClient webClient, RoktTokenSettings settings) {
		WebClientReactiveClientCredentialsTokenResponseClient client = new WebClientReactiveClientCredentialsTokenResponseClient();
		client.setWebClient(webClient);
		client.setHeadersConverter(new RoktTokenRequestHeadersConverter());
		client.setBodyExtractor(new RoktTokenResponseExtractor(settings.registrationId(), settings.defaultLifetime()));
		return new RoktTokenResponseClient(client, settings.responseTimeout(),
				new TokenFetchRetry(settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff()));
	}

	@Override
	public Mono<OAuth2AccessTokenResponse> getTokenResponse(OAuth2ClientCredentialsGrantRequest grantRequest) {
		String registrationId = grantRequest.getClientRegistration().getRegistrationId();
		URI tokenUri = URI.create(grantRequest.getClientRegistration().getProviderDetails().getTokenUri());
		return Mono.defer(() -> this.delegate.getTokenResponse(grantRequest))
			.timeout(this.responseTimeout)
			.onErrorMap((ex) -> !(ex instanceof RoktAuthenticationException),
					(ex) -> translate(ex, registrationId, tokenUri))
			.retryWhen(this.retry);
	}

	private RoktAuthenticationException translate(Throwable ex, String registrationId, URI tokenUri) {
		String endpoint = "Rokt's token endpoint " + tokenUri.getScheme() + "://" + tokenUri.getAuthority()
				+ tokenUri.getPath();
		if (ex instanceof TimeoutException) {
			return new RoktAuthenticationException(RoktAuthenticationException.Reason.TIMEOUT, registrationId,
					endpoint + " timed out after " + seconds(this.responseTimeout)
							+ ": check connectivity or raise rokt.token.response-timeout",
					null, null, null);
		}
		Throwable root = rootCause(ex);
		if (root.getClass().getSimpleName().contains("ConnectTimeout")) {
			return new RoktAuthenticationException(RoktAuthenticationException.Reason.TIMEOUT, registrationId,
					"Connecting to " + endpoint + " timed out: check rokt.token-uri, proxy settings and "
							+ "rokt.token.connect-timeout",
					null, null, null);
		}
		return new RoktAuthenticationException(RoktAuthenticationException.Reason.IO_ERROR, registrationId,
				endpoint + " could not be reached or dropped the connection (" + root.getClass().getSimpleName()
						+ ((root.getMessage() != null) ? ": " + root.getMessage() : "") + "): check rokt.token-uri",
				null, null, ex);
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String seconds(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

}
