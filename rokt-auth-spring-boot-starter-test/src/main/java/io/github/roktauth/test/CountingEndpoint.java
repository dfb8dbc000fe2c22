package io.github.roktauth.test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in endpoint that counts its requests and records the kind of their
 * {@code Authorization} header before it answers.
 */
abstract class CountingEndpoint implements ResponseDefinitionTransformerV2 {

	private final String name;

	private final AtomicReference<AuthorizationKind> lastAuthorization;

	private final AtomicInteger requests = new AtomicInteger();

	CountingEndpoint(String name, AtomicReference<AuthorizationKind> lastAuthorization) {
		this.name = name;
		this.lastAuthorization = lastAuthorization;
	}

	@Override
	public final String getName() {
		return this.name;
	}

	@Override
	public final boolean applyGlobally() {
		return false;
	}

	@Override
	public final ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		this.requests.incrementAndGet();
		String authorization = request.getHeader("Authorization");
		this.lastAuthorization.set(AuthorizationKind.of(authorization));
		return respond(request, authorization);
	}

	/**
	 * Answer one counted request.
	 * @param request the request
	 * @param authorization its {@code Authorization} header, if any
	 * @return the response
	 */
	abstract ResponseDefinition respond(Request request, @Nullable String authorization);

	int requests() {
		return this.requests.get();
	}

	void reset() {
		this.requests.set(0);
	}

}
