package io.github.roktauth.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The stand-in's {@code POST /auth/oauth2/token}: client credentials in a raw Basic header, a
 * form body with {@code grant_type=client_credentials}, and the answer shaped as on Rokt's page.
 */
final class TokenEndpoint extends CountingEndpoint {

	static final String NAME = "rokt-stand-in-token";

	private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

	private final StandInSettings settings;

	private final IssuedTokens issuedTokens;

	private final Faults faults;

	private final byte[] credentials;

	private final AtomicInteger issued = new AtomicInteger();

	TokenEndpoint(StandInSettings settings, IssuedTokens issuedTokens, Faults faults,
			AtomicReference<AuthorizationKind> lastAuthorization) {
		super(NAME, lastAuthorization);
		this.settings = settings;
		this.issuedTokens = issuedTokens;
		this.faults = faults;
		this.credentials = (settings.clientId() + ":" + settings.clientSecret()).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	ResponseDefinition respond(Request request, @Nullable String authorization) {
		PlannedTokenFault planned = this.faults.nextTokenFault();
		if (planned != null && planned.fault() != null) {
			return faultResponse(planned.fault()).build();
		}
		ResponseDefinitionBuilder response = answer(request, authorization);
		if (planned != null && !planned.delay().isZero()) {
			response.withFixedDelay(Math.toIntExact(planned.delay().toMillis()));
		}
		return response.build();
	}

	int issued() {
		return this.issued.get();
	}

	@Override
	void reset() {
		super.reset();
		this.issued.set(0);
	}

	private ResponseDefinitionBuilder answer(Request request, @Nullable String authorization) {
		if (!RequestMethod.POST.equals(request.getMethod())) {
			return Responses.oauthError(405, "invalid_request").withHeader("Allow", "POST");
		}
		if (!hasClientCredentials(authorization)) {
			return Responses.oauthError(401, "invalid_client");
		}
		if (!ContentTypes.is(request.getHeader("Content-Type"), FORM_CONTENT_TYPE)) {
			return Responses.oauthError(400, "invalid_request");
		}
		List<String> grantTypes = formParameters(request.getBody()).get("grant_type");
		if (grantTypes == null || grantTypes.size() != 1 || grantTypes.get(0).isEmpty()) {
			return Responses.oauthError(400, "invalid_request");
		}
		if (!"client_credentials".equals(grantTypes.get(0))) {
			return Responses.oauthError(400, "unsupported_grant_type");
		}
		return issueToken();
	}

	private boolean hasClientCredentials(@Nullable String authorization) {
		if (authorization == null || !AuthorizationKind.hasScheme(authorization, "Basic")) {
			return false;
		}
		try {
			byte[] presented = Base64.getDecoder().decode(authorization.substring("Basic ".length()).trim());
			return MessageDigest.isEqual(presented, this.credentials);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private ResponseDefinitionBuilder issueToken() {
		Instant expiry = this.settings.clock().instant().plus(this.settings.tokenLifetime());
		String token = this.issuedTokens.issue(expiry);
		this.issued.incrementAndGet();
		long expiresIn = this.settings.tokenLifetime().toSeconds();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(this.settings.tokenKey().jsonKey(), token);
		body.put("expires_in", this.settings.expiresInAsString() ? String.valueOf(expiresIn) : expiresIn);
		body.put("token_type", "Bearer");
		return Responses.json(200, body).withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
	}

	private static ResponseDefinitionBuilder faultResponse(TokenFault fault) {
		return switch (fault) {
			case SERVICE_UNAVAILABLE_HTML -> Responses.serviceUnavailablePage();
			case TOO_MANY_REQUESTS -> Responses.oauthError(429, "too_many_requests").withHeader("Retry-After", "1");
			case INVALID_CLIENT -> Responses.oauthError(401, "invalid_client");
			case CONNECTION_RESET -> new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER);
		};
	}

	private static Map<String, List<String>> formParameters(byte[] body) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			try {
				parameters.computeIfAbsent(decode(name), (key) -> new ArrayList<>()).add(decode(value));
			}
			catch (IllegalArgumentException ex) {
				// A malformed escape: Rokt would not read the parameter either.
			}
		}
		return parameters;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
