package io.github.roktauth.client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.roktauth.autoconfigure.RoktAuthAutoConfiguration;
import io.github.roktauth.autoconfigure.RoktProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.roktauth.client.RoktTokenStubs.CLIENT_ID;
import static io.github.roktauth.client.RoktTokenStubs.CLIENT_SECRET;
import static io.github.roktauth.client.RoktTokenStubs.TOKEN_PATH;
import static io.github.roktauth.client.RoktTokenStubs.token;
import static io.github.roktauth.client.RoktTokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 3, point 12: with every logger at TRACE, a run through token endpoint faults, a
 * successful fetch and a 401 retry prints neither the client secret, nor the Basic
 * header, nor an issued token; nor do exception messages or {@code toString()}.
 */
@ExtendWith(OutputCaptureExtension.class)
class RoktSecretsNeverLoggedTests {

	private static final String TOKEN_1 = "eyJraWQiOiJmaXJzdCJ9.first-issued-token.c2ln";

	private static final String TOKEN_2 = "eyJraWQiOiJzZWNvbmQifQ.second-issued-token.c2ln";

	private static final String BASIC = Base64.getEncoder()
		.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

	@RegisterExtension
	static WireMockExtension rokt = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private Level previousLevel;

	@BeforeEach
	void logEverything() {
		this.previousLevel = this.root.getLevel();
		this.root.setLevel(Level.TRACE);
	}

	@AfterEach
	void restoreLogging() {
		this.root.setLevel(this.previousLevel);
	}

	@Test
	void neverLogsTheSecretTheBasicHeaderOrATokenEvenAtTrace(CapturedOutput output) {
		tokenEndpointAnswersInTurn(
				aResponse().withStatus(401)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":\"invalid_client\"}"),
				aResponse().withStatus(503).withHeader("Content-Type", "text/html").withBody("<html>down</html>"),
				aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withFault(Fault.EMPTY_RESPONSE),
				aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), token(TOKEN_1, 3600).withFixedDelay(2500),
				token(TOKEN_1, 3600), token(TOKEN_2, 3600));
		rokt.stubFor(post(urlEqualTo("/v1/events")).withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + TOKEN_1))
			.willReturn(aResponse().withStatus(401).withBody("{\"data\":{\"code\":\"UnauthorizedError\"}}")));
		rokt.stubFor(post(urlEqualTo("/v1/events")).withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + TOKEN_2))
			.willReturn(okJson("{\"data\":{\"unprocessedRecords\":[]}}")));
		List<String> printed = new ArrayList<>();

		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RoktAuthAutoConfiguration.class, WebClientAutoConfiguration.class,
					CodecsAutoConfiguration.class))
			// Boot's opt-in to log request details (headers, form fields): the starter must still mask them.
			.withPropertyValues("spring.http.codecs.log-request-details=true",
					"rokt.client-id=" + CLIENT_ID, "rokt.client-secret=" + CLIENT_SECRET,
					"rokt.token-uri=" + rokt.baseUrl() + TOKEN_PATH, "rokt.base-url=" + rokt.baseUrl(),
					"rokt.token.max-attempts=1", "rokt.token.failure-cooldown=0s",
					"rokt.token.response-timeout=2s")
			.run((context) -> {
				RoktAuthorizedClientManager manager = context.getBean("roktAuthorizedClientManager",
						RoktAuthorizedClientManager.class);
				WebClient webClient = context.getBean("roktWebClient", WebClient.class);
				for (int fault = 0; fault < 6; fault++) {
					RoktAuthenticationException failure = catchThrowableOfType(RoktAuthenticationException.class,
							() -> manager.authorizedClient().block(Duration.ofSeconds(10)));
					printed.add(stackTrace(failure));
					printed.add(String.valueOf(manager.status()));
				}
				HttpStatus status = (HttpStatus) webClient.post()
					.uri("/v1/events")
					.bodyValue("{\"accountId\":\"1\",\"events\":[]}")
					.retrieve()
					.toBodilessEntity()
					.block(Duration.ofSeconds(10))
					.getStatusCode();
				assertThat(status).isEqualTo(HttpStatus.OK);
				printed.add(manager.toString());
				printed.add(manager.status().toString());
				printed.add(context.getBean("roktExchangeFilterFunction").toString());
				printed.add(context.getBean(RoktProperties.class).toString());
				printed.add(context.getBean(RoktProperties.class).getToken().toString());
			});

		rokt.verify(exactly(8), tokenRequests());
		rokt.verify(exactly(2), postRequestedFor(urlEqualTo("/v1/events")));
		assertThat(output).as("TRACE logging reached the console")
			.contains("Obtained a Rokt access token")
			.contains("Could not obtain a Rokt access token")
			.contains(" TRACE ");
		assertThat(output.getAll()).doesNotContain(CLIENT_SECRET, URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8),
				BASIC, TOKEN_1, TOKEN_2, "first-issued-token", "second-issued-token");
		assertThat(String.join("\n", printed)).contains("invalid_client", "timed out after 2 s", "HTML")
			.doesNotContain(CLIENT_SECRET, BASIC, TOKEN_1, TOKEN_2);
	}

	private static void tokenEndpointAnswersInTurn(ResponseDefinitionBuilder... answers) {
		for (int i = 0; i < answers.length; i++) {
			String state = (i == 0) ? Scenario.STARTED : "answer-" + i;
			var stub = post(urlEqualTo(TOKEN_PATH)).inScenario("token endpoint")
				.whenScenarioStateIs(state)
				.willReturn(answers[i]);
			if (i < answers.length - 1) {
				stub = stub.willSetStateTo("answer-" + (i + 1));
			}
			rokt.stubFor(stub);
		}
	}

	private static String stackTrace(Throwable ex) {
		StringWriter writer = new StringWriter();
		ex.printStackTrace(new PrintWriter(writer));
		return writer.toString();
	}

}
