package io.github.roktauth.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.roktauth.autoconfigure.RoktAuthAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.roktauth.client.RoktTokenStubs.TOKEN_PATH;
import static io.github.roktauth.client.RoktTokenStubs.token;
import static io.github.roktauth.client.RoktTokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 3, points 6, 9 and 10 through the auto-configured {@code roktWebClient}: token
 * timeouts come from {@code rokt.token.*}, the application starts without reaching Rokt,
 * and the token only goes to Rokt's origin and the explicitly trusted ones.
 */
class RoktAutoConfiguredClientTests {

	private static final String REPORT = "/v1/query/report";

	@RegisterExtension
	static WireMockExtension rokt = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@RegisterExtension
	static WireMockExtension elsewhere = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RoktAuthAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withPropertyValues("rokt.client-id=" + RoktTokenStubs.CLIENT_ID,
				"rokt.client-secret=" + RoktTokenStubs.CLIENT_SECRET, "rokt.token.initial-backoff=5ms",
				"rokt.token.max-backoff=10ms");

	@Test
	void appliesTheConfiguredResponseTimeoutToTheTokenRequest() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("late", 3600).withFixedDelay(3000)));

		this.contextRunner.withPropertyValues(roktAt(rokt.getPort()))
			.withPropertyValues("rokt.token.response-timeout=300ms")
			.run((context) -> StepVerifier.create(getReport(context, REPORT))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RoktAuthenticationException.class)
					.hasMessageContaining("timed out after 300 ms"))
				.verify(Duration.ofSeconds(2)));
	}

	@Test
	void sendsTheTokenRequestWithBasicCredentialsOnlyEvenOnRoktsOwnOrigin() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("token-1", 3600)));
		rokt.stubFor(get(urlEqualTo(REPORT)).willReturn(okJson("{}")));

		this.contextRunner.withPropertyValues(roktAt(rokt.getPort())).run((context) -> {
			rokt.verify(exactly(0), tokenRequests());
			assertThat(getReport(context, REPORT).block(Duration.ofSeconds(10)).getStatusCode())
				.isEqualTo(HttpStatus.OK);
		});

		rokt.verify(exactly(1), tokenRequests().withHeader(HttpHeaders.AUTHORIZATION, matching("Basic [A-Za-z0-9+/=]+")));
		rokt.verify(exactly(1), tokenRequests());
	}

	@Test
	void sendsTheTokenOnlyToRoktsOriginAndTrustedOrigins() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("token-1", 3600)));
		rokt.stubFor(get(urlEqualTo(REPORT)).willReturn(okJson("{}")));
		elsewhere.stubFor(get(urlEqualTo(REPORT)).willReturn(okJson("{}")));

		this.contextRunner.withPropertyValues(roktAt(rokt.getPort())).run((context) -> {
			getReport(context, "http://localhost:" + rokt.getPort() + REPORT).block(Duration.ofSeconds(10));
			getReport(context, "http://127.0.0.1:" + elsewhere.getPort() + REPORT).block(Duration.ofSeconds(10));
			rokt.verify(exactly(0), tokenRequests());
			getReport(context, REPORT).block(Duration.ofSeconds(10));
		});

		rokt.verify(exactly(1), getRequestedFor(urlEqualTo(REPORT)).withHeader(HttpHeaders.AUTHORIZATION, absent()));
		rokt.verify(exactly(1), getRequestedFor(urlEqualTo(REPORT)).withHeader(HttpHeaders.AUTHORIZATION,
				equalTo("Bearer token-1")));
		elsewhere.verify(exactly(1), getRequestedFor(urlEqualTo(REPORT)).withHeader(HttpHeaders.AUTHORIZATION, absent()));
	}

	@Test
	void sendsTheTokenToAnExplicitlyTrustedOrigin() {
		rokt.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("token-1", 3600)));
		elsewhere.stubFor(get(urlEqualTo(REPORT)).willReturn(okJson("{}")));

		this.contextRunner.withPropertyValues(roktAt(rokt.getPort()))
			.withPropertyValues("rokt.trusted-origins=http://127.0.0.1:" + elsewhere.getPort())
			.run((context) -> getReport(context, "http://127.0.0.1:" + elsewhere.getPort() + REPORT)
				.block(Duration.ofSeconds(10)));

		elsewhere.verify(exactly(1), getRequestedFor(urlEqualTo(REPORT)).withHeader(HttpHeaders.AUTHORIZATION,
				equalTo("Bearer token-1")));
	}

	@Test
	void startsWhileTheTokenEndpointIsDownAndRecoversWithoutARestart() throws IOException {
		int port = freePort();

		this.contextRunner.withPropertyValues(roktAt(port)).withPropertyValues("rokt.token.failure-cooldown=0s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThatExceptionOfType(RoktAuthenticationException.class)
					.isThrownBy(() -> getReport(context, REPORT).block(Duration.ofSeconds(10)))
					.withMessageContaining("127.0.0.1:" + port + TOKEN_PATH)
					.withMessageContaining("could not be reached")
					.withMessageContaining("check rokt.token-uri");

				WireMockServer recovered = new WireMockServer(wireMockConfig().port(port).bindAddress("127.0.0.1"));
				recovered.start();
				try {
					recovered.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("token-1", 3600)));
					recovered.stubFor(get(urlEqualTo(REPORT)).withHeader(HttpHeaders.AUTHORIZATION,
							equalTo("Bearer token-1")).willReturn(okJson("{}")));
					assertThat(getReport(context, REPORT).block(Duration.ofSeconds(10)).getStatusCode())
						.isEqualTo(HttpStatus.OK);
					recovered.verify(exactly(1), tokenRequests());
				}
				finally {
					recovered.stop();
				}
			});
	}

	private static String[] roktAt(int port) {
		return new String[] { "rokt.token-uri=http://127.0.0.1:" + port + TOKEN_PATH,
				"rokt.base-url=http://127.0.0.1:" + port };
	}

	private static Mono<ResponseEntity<Void>> getReport(ApplicationContext context, String uri) {
		return context.getBean("roktWebClient", WebClient.class).get().uri(uri).retrieve().toBodilessEntity();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
