package io.github.roktauth.client;

import java.io.IOException;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * {@link ClientHttpRequestInterceptor} for {@code RestClient} and {@code RestTemplate}
 * with the rules of {@link RoktBearerExchangeFilterFunction}: adds
 * {@code Authorization: Bearer <Rokt token>} to requests for trusted origins only, and on
 * a {@code 401} drops the refused token, gets a fresh one and resends the request once.
 * It waits for a token fetch at most the given time, so must not run on an event loop.
 */
public final class RoktBearerClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

	private static final Log logger = LogFactory.getLog(RoktBearerClientHttpRequestInterceptor.class);

	private final RoktAuthorizedClientManager manager;

	private final TokenOrigins origins;

	private final Duration tokenWait;

	/**
	 * Create an interceptor.
	 * @param manager source of the Rokt token, shared with the reactive filter
	 * @param origins origins that may receive the token
	 * @param tokenWait longest wait for a token, covering a fetch and its retries
	 */
	public RoktBearerClientHttpRequestInterceptor(RoktAuthorizedClientManager manager, TokenOrigins origins,
			Duration tokenWait) {
		this.manager = manager;
		this.origins = origins;
		this.tokenWait = tokenWait;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!this.origins.matches(request.getURI())) {
			return execution.execute(request, body);
		}
		OAuth2AccessToken token = token();
		request.getHeaders().setBearerAuth(token.getTokenValue());
		ClientHttpResponse response = execution.execute(request, body);
		if (response.getStatusCode().value() != HttpStatus.UNAUTHORIZED.value()) {
			return response;
		}
		logger.debug("Rokt answered 401 Unauthorized; retrying once with a fresh token");
		response.close();
		this.manager.evict(token).block(this.tokenWait);
		request.getHeaders().setBearerAuth(token().getTokenValue());
		return execution.execute(request, body);
	}

	private OAuth2AccessToken token() {
		OAuth2AuthorizedClient client = this.manager.authorizedClient()
			.timeout(this.tokenWait, Mono.error(() -> new RoktAuthenticationException(
					RoktAuthenticationException.Reason.TIMEOUT, this.manager.getRegistrationId(),
					"No Rokt access token within " + this.tokenWait.toMillis() + " ms", null, null, null)))
			.block();
		if (client == null) {
			throw new IllegalStateException("Rokt token manager completed without a token");
		}
		return client.getAccessToken();
	}

	@Override
	public String toString() {
		return "RoktBearerClientHttpRequestInterceptor[origins=" + this.origins.asList() + "]";
	}

}
