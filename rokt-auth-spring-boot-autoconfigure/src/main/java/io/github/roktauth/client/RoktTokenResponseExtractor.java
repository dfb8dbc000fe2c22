package io.github.roktauth.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.json.JsonParser;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.BodyExtractor;

/**
 * Reads Rokt's token endpoint answer: parameter names in any case ({@code Access_token}
 * as on Rokt's page), {@code expires_in} as number or string, {@code token_type} in any
 * case or absent; every other answer becomes a {@link RoktAuthenticationException}.
 */
// Spring's OAuth2BodyExtractors rejects 'Access_token' and treats a missing expires_in as 1 s.
final class RoktTokenResponseExtractor implements BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> {

	private static final int MAX_BODY_BYTES = 64 * 1024;

	private static final Duration MAX_LIFETIME = Duration.ofDays(1);

	private final String registrationId;

	private final Duration defaultLifetime;

	private final JsonParser jsonParser = JsonParserFactory.getJsonParser();

	RoktTokenResponseExtractor(String registrationId, Duration defaultLifetime) {
		this.registrationId = registrationId;
		this.defaultLifetime = defaultLifetime;
	}

	@Override
	public Mono<OAuth2AccessTokenResponse> extract(ReactiveHttpInputMessage message, Context context) {
		int status = (message instanceof ClientHttpResponse response) ? response.getStatusCode().value() : 200;
		return DataBufferUtils.join(message.getBody(), MAX_BODY_BYTES).map((buffer) -> {
			try {
				return buffer.toString(StandardCharsets.UTF_8);
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		})
			.defaultIfEmpty("")
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> failure(RoktAuthenticationException.Reason.INVALID_RESPONSE,
							"Rokt's token endpoint answered more than " + MAX_BODY_BYTES + " bytes (status " + status + ")",
							status, null))
			.map((body) -> read(status, message.getHeaders(), body));
	}

	private OAuth2AccessTokenResponse read(int status, HttpHeaders headers, String body) {
		Map<String, Object> parameters = parseJsonObject(body);
		if (status < 200 || status > 299) {
			throw errorFor(status, headers, parameters, body);
		}
		if (parameters == null) {
			throw failure(RoktAuthenticationException.Reason.INVALID_RESPONSE,
					"Rokt's token endpoint answered " + describe(body) + ", not JSON (status " + status
							+ "): check rokt.token-uri",
					status, null);
		}
		String accessToken = stringValue(parameters.remove("access_token"));
		if (!StringUtils.hasText(accessToken)) {
			throw failure(RoktAuthenticationException.Reason.INVALID_RESPONSE,
					"Rokt's token response has no access_token (status " + status + ", parameters "
							+ parameters.keySet() + ")",
					status, null);
		}
		String tokenType = stringValue(parameters.remove("token_type"));
		if (tokenType != null && !OAuth2AccessToken.TokenType.BEARER.getValue().equalsIgnoreCase(tokenType)) {
			throw failure(RoktAuthenticationException.Reason.INVALID_RESPONSE,
					"Rokt's token response has token_type '" + tokenType + "', expected Bearer", status, null);
		}
		Duration lifetime = lifetime(parameters.remove("expires_in"));
		return OAuth2AccessTokenResponse.withToken(accessToken)
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(lifetime.toSeconds())
			.additionalParameters(parameters)
			.build();
	}

	private Duration lifetime(@Nullable Object expiresIn) {
		long seconds;
		try {
			seconds = (expiresIn instanceof Number number) ? number.longValue()
					: Long.parseLong(String.valueOf(expiresIn).trim());
		}
		catch (NumberFormatException ex) {
			return this.defaultLifetime;
		}
		if (seconds <= 0) {
			return this.defaultLifetime;
		}
		Duration lifetime = Duration.ofSeconds(seconds);
		return (lifetime.compareTo(MAX_LIFETIME) > 0) ? MAX_LIFETIME : lifetime;
	}

	private RoktAuthenticationException errorFor(int status, HttpHeaders headers, @Nullable Map<String, Object> parameters,
			String body) {
		Duration retryAfter = retryAfter(headers);
		String error = (parameters != null) ? stringValue(parameters.get("error")) : null;
		String description = (parameters != null) ? stringValue(parameters.get("error_description")) : null;
		String detail = (description != null) ? " (" + description + ")" : "";
		if ("invalid_client".equals(error) || (error == null && status == 401)) {
			return failure(RoktAuthenticationException.Reason.INVALID_CLIENT,
					"Rokt refused the client credentials with HTTP " + status + " "
							+ ((error != null) ? error : "Unauthorized") + detail
							+ ": check rokt.client-id and rokt.client-secret",
					status, retryAfter);
		}
		if (error != null) {
			return failure(RoktAuthenticationException.Reason.OAUTH_ERROR,
					"Rokt's token endpoint answered HTTP " + status + " with OAuth2 error '" + error + "'" + detail,
					status, retryAfter);
		}
		String what = (parameters != null || body.isBlank()) ? "HTTP " + status
				: describe(body) + ", not JSON (status " + status + ")";
		return failure(RoktAuthenticationException.Reason.HTTP_STATUS,
				"Rokt's token endpoint answered " + what
						+ ((retryAfter != null) ? ", Retry-After " + retryAfter.toSeconds() + " s" : ""),
				status, retryAfter);
	}

	private @Nullable Map<String, Object> parseJsonObject(String body) {
		if (!body.stripLeading().startsWith("{")) {
			return null;
		}
		try {
			Map<String, Object> parsed = this.jsonParser.parseMap(body);
			Map<String, Object> normalized = new LinkedHashMap<>();
			parsed.forEach((name, value) -> normalized.put(name.toLowerCase(Locale.ROOT), value));
			return normalized;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String describe(String body) {
		return body.stripLeading().startsWith("<") ? "HTML" : body.isBlank() ? "an empty body" : "text";
	}

	private static @Nullable Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration delay = Duration.between(ZonedDateTime.now(at.getZone()), at);
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (DateTimeParseException unparseable) {
				return null;
			}
		}
	}

	private static @Nullable String stringValue(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	private RoktAuthenticationException failure(RoktAuthenticationException.Reason reason, String message, int status,
			@Nullable Duration retryAfter) {
		return new RoktAuthenticationException(reason, this.registrationId, message, status, retryAfter, null);
	}

}
