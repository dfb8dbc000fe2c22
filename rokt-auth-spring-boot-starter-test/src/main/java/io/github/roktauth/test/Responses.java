package io.github.roktauth.test;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Builds the stand-in's HTTP answers in the shapes Rokt uses.
 */
final class Responses {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final String SERVICE_UNAVAILABLE_PAGE = "<html>\r\n"
			+ "<head><title>503 Service Temporarily Unavailable</title></head>\r\n" + "<body>\r\n"
			+ "<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n" + "</body>\r\n</html>\r\n";

	private Responses() {
	}

	static ResponseDefinitionBuilder json(int status, Object body) {
		try {
			return new ResponseDefinitionBuilder().withStatus(status)
				.withHeader("Content-Type", "application/json; charset=utf-8")
				.withBody(JSON.writeValueAsString(body));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write a response body", ex);
		}
	}

	/**
	 * An OAuth 2 error, as the token endpoint sends it.
	 */
	static ResponseDefinitionBuilder oauthError(int status, String error) {
		return json(status, Map.of("error", error)).withHeader("Cache-Control", "no-store");
	}

	/**
	 * An Event API error: {@code {"data":{"code":...,"message":...}}}.
	 */
	static ResponseDefinitionBuilder eventsError(int status, String code, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("code", code);
		error.put("message", message);
		return json(status, Map.of("data", error));
	}

	static ResponseDefinitionBuilder serviceUnavailablePage() {
		return new ResponseDefinitionBuilder().withStatus(503)
			.withHeader("Content-Type", "text/html")
			.withBody(SERVICE_UNAVAILABLE_PAGE);
	}

}
