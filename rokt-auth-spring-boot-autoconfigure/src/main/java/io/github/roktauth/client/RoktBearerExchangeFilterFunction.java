package io.github.roktauth.client;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * {@link ExchangeFilterFunction} that adds {@code Authorization: Bearer <Rokt token>} to
 * requests for trusted origins only, and on a {@code 401} drops the refused token, gets a
 * fresh one and resends the request once.
 */
public final class RoktBearerExchangeFilterFunction implements ExchangeFilterFunction {

	private static final Log logger = LogFactory.getLog(RoktBearerExchangeFilterFunction.class);

	private final RoktAuthorizedClientManager manager;

	private final TokenOrigins origins;

	/**
	 * Create a filter.
	 * @param manager source of the Rokt token
	 * @param origins origins that may receive the token
	 */
	public RoktBearerExchangeFilterFunction(RoktAuthorizedClientManager manager, TokenOrigins origins) {
		this.manager = manager;
		this.origins = origins;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!this.origins.matches(request.url())) {
			return next.exchange(request);
		}
		OAuth2AuthorizedClient held = this.manager.validClient();
		if (held != null) {
			return exchange(request, next, held.getAccessToken());
		}
		return this.manager.authorizedClient().flatMap((client) -> exchange(request, next, client.getAccessToken()));
	}

	private Mono<ClientResponse> exchange(ClientRequest request, ExchangeFunction next, OAuth2AccessToken token) {
		return next.exchange(withBearer(request, token)).flatMap((response) -> {
			if (response.statusCode().value() != HttpStatus.UNAUTHORIZED.value()) {
				return Mono.just(response);
			}
			logger.debug("Rokt answered 401 Unauthorized; retrying once with a fresh token");
			// Deferred: asking for a token before the eviction completes could hand back the refused one.
			return response.releaseBody()
				.then(Mono.defer(() -> this.manager.evict(token)))
				.then(Mono.defer(this.manager::authorizedClient))
				.flatMap((fresh) -> next.exchange(withBearer(request, fresh.getAccessToken())));
		});
	}

	private static ClientRequest withBearer(ClientRequest request, OAuth2AccessToken token) {
		return ClientRequest.from(request)
			.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token.getTokenValue()))
			.build();
	}

	@Override
	public String toString() {
		return "RoktBearerExchangeFilterFunction[origins=" + this.origins.asList() + "]";
	}

}
