package io.github.roktauth.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.github.roktauth.test.EventValidator.Rejection;
import org.jspecify.annotations.Nullable;

/**
 * The stand-in's {@code POST /v1/events}: checks the Bearer token, the headers and the body
 * envelope, then lists refused events in {@code unprocessedRecords}.
 */
final class EventsEndpoint extends CountingEndpoint {

	static final String NAME = "rokt-stand-in-events";

	static final String ROKT_VERSION = "2020-05-21";

	private static final int MAX_EVENTS = 100;

	private static final int MAX_ACCOUNT_ID = 64;

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final StandInSettings settings;

	private final IssuedTokens issuedTokens;

	private final Faults faults;

	private final EventLog log;

	private final EventValidator validator = new EventValidator();

	EventsEndpoint(StandInSettings settings, IssuedTokens issuedTokens, Faults faults,
			AtomicReference<AuthorizationKind> lastAuthorization, EventLog log) {
		super(NAME, lastAuthorization);
		this.settings = settings;
		this.issuedTokens = issuedTokens;
		this.faults = faults;
		this.log = log;
	}

	@Override
	ResponseDefinition respond(Request request, @Nullable String authorization) {
		String idempotencyKey = request.getHeader("Idempotency-Key");
		if (idempotencyKey != null) {
			this.log.idempotencyKey(idempotencyKey);
		}
		EventsFault fault = this.faults.nextEventsFault();
		if (fault != null) {
			return faultResponse(fault).build();
		}
		ResponseDefinitionBuilder refusal = checkHeaders(request, authorization, idempotencyKey);
		if (refusal != null) {
			return refusal.build();
		}
		return answer(request, idempotencyKey).build();
	}

	private @Nullable ResponseDefinitionBuilder checkHeaders(Request request, @Nullable String authorization,
			@Nullable String idempotencyKey) {
		if (!RequestMethod.POST.equals(request.getMethod())) {
			return Responses.eventsError(405, "MethodNotAllowed", "use POST").withHeader("Allow", "POST");
		}
		String tokenProblem = tokenProblem(authorization);
		if (tokenProblem != null) {
			return Responses.eventsError(401, "UnauthorizedError", tokenProblem);
		}
		String version = request.getHeader("Rokt-Version");
		if (version != null && !version.isBlank() && !ROKT_VERSION.equals(version.trim())) {
			return validationError("unknown Rokt-Version '" + version + "', expected " + ROKT_VERSION);
		}
		if (!ContentTypes.is(request.getHeader("Content-Type"), "application/json")) {
			return validationError("Content-Type must be application/json");
		}
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			return validationError("Idempotency-Key header is required");
		}
		if (!UUID.matcher(idempotencyKey).matches()) {
			return validationError("Idempotency-Key must be a UUID");
		}
		return null;
	}

	private @Nullable String tokenProblem(@Nullable String authorization) {
		if (authorization == null || !AuthorizationKind.hasScheme(authorization, "Bearer")) {
			return "a Bearer token is required";
		}
		String token = authorization.substring("Bearer ".length()).trim();
		return switch (this.issuedTokens.status(token, this.settings.clock().instant())) {
			case VALID -> null;
			case EXPIRED -> "the access token has expired";
			case UNKNOWN -> "the access token is not valid";
		};
	}

	private ResponseDefinitionBuilder answer(Request request, String idempotencyKey) {
		EventBatch batch;
		try {
			batch = EventBatch.read(request.getBody());
		}
		catch (MalformedBatchException ex) {
			return refuseBatch(null, idempotencyKey, 0, 400, "RequestJsonUnmarshalError", ex.getMessage());
		}
		List<ObjectNode> events = batch.events();
		int size = (events != null) ? events.size() : 0;
		String problem = envelopeProblem(batch.accountId(), events);
		if (problem != null) {
			return refuseBatch(batch.accountId(), idempotencyKey, size, 400, "RequestValidationError", problem);
		}
		String accountId = batch.accountId();
		if (this.settings.accountId() != null && !this.settings.accountId().equals(accountId)) {
			return refuseBatch(accountId, idempotencyKey, size, 403, "Forbidden",
					"the token may not send events for this accountId");
		}
		if (!this.log.claimIdempotencyKey(idempotencyKey)) {
			return refuseBatch(accountId, idempotencyKey, size, 409, "IdempotencyKeyReused",
					"Idempotency-Key " + idempotencyKey + " was already used");
		}
		return process(accountId, idempotencyKey, events);
	}

	private @Nullable String envelopeProblem(@Nullable String accountId, @Nullable List<ObjectNode> events) {
		if (accountId == null || accountId.isBlank()) {
			return "accountId is required";
		}
		if (accountId.codePointCount(0, accountId.length()) > MAX_ACCOUNT_ID) {
			return "accountId must be at most 64 characters";
		}
		if (events == null || events.isEmpty()) {
			return "events must hold at least one event";
		}
		if (events.size() > MAX_EVENTS) {
			return "events must hold at most 100 events, got " + events.size();
		}
		return null;
	}

	private ResponseDefinitionBuilder process(String accountId, String idempotencyKey, List<ObjectNode> events) {
		Instant now = this.settings.clock().instant();
		List<ReceivedEvent> received = new ArrayList<>(events.size());
		List<Map<String, Object>> unprocessed = new ArrayList<>();
		for (ObjectNode event : events) {
			String clientEventId = EventBatch.text(event, "clientEventId");
			Rejection rejection = this.validator.validate(event, now);
			if (rejection == null && !this.log.claimClientEventId(clientEventId)) {
				rejection = new Rejection("DuplicateClientEventId",
						"clientEventId " + clientEventId + " was already accepted");
			}
			if (rejection != null) {
				unprocessed.add(unprocessedRecord(rejection, event));
			}
			received.add(new ReceivedEvent(accountId, idempotencyKey, clientEventId,
					EventBatch.text(event, "eventType"), EventBatch.text(event, "eventTime"),
					EventBatch.objectData(event), rejection == null, (rejection != null) ? rejection.code() : null));
		}
		this.log.batch(new ReceivedBatch(accountId, idempotencyKey, events.size(), unprocessed.size(), 200), received);
		return Responses.json(200, Map.of("data", Map.of("unprocessedRecords", unprocessed)));
	}

	private ResponseDefinitionBuilder refuseBatch(@Nullable String accountId, String idempotencyKey, int events,
			int status, String code, String message) {
		this.log.batch(new ReceivedBatch((accountId != null) ? accountId : "", idempotencyKey, events, 0, status),
				List.of());
		return Responses.eventsError(status, code, message);
	}

	private static Map<String, Object> unprocessedRecord(Rejection rejection, ObjectNode event) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", rejection.code());
		error.put("message", rejection.message());
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("error", error);
		record.put("record", event);
		return record;
	}

	private static ResponseDefinitionBuilder validationError(String message) {
		return Responses.eventsError(400, "RequestValidationError", message);
	}

	private static ResponseDefinitionBuilder faultResponse(EventsFault fault) {
		return switch (fault) {
			case UNAUTHORIZED -> Responses.eventsError(401, "UnauthorizedError", "the access token is not valid");
			case SERVER_ERROR -> Responses.eventsError(500, "InternalServerError", "an internal error occurred");
			case TOO_MANY_REQUESTS -> Responses.eventsError(429, "TooManyRequests", "rate limit exceeded")
				.withHeader("Retry-After", "1");
		};
	}

}
