package io.github.roktauth.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.roktauth.autoconfigure.restclient.RoktRestClientAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code rokt.ssl.bundle} against a loopback HTTPS stand-in with a self-signed
 * certificate, and proxy-style customisation of the HTTP clients through Spring Boot's
 * builder customizers, for the token request and API calls alike.
 */
class RoktSslAndProxyTests {

	private static final String PASSWORD = "changeit";

	private static final String TOKEN_PATH = "/auth/oauth2/token";

	@TempDir
	static Path certificates;

	static WireMockServer rokt;

	static Path truststore;

	@BeforeAll
	static void startHttpsStandIn() throws Exception {
		Path keystore = certificates.resolve("server.p12");
		Path certificate = certificates.resolve("server.crt");
		truststore = certificates.resolve("trust.p12");
		keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
				"-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
				"-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-alias", "server", "-keystore", keystore.toString(), "-storepass", PASSWORD,
				"-file", certificate.toString());
		keytool("-importcert", "-noprompt", "-alias", "rokt-stand-in", "-file", certificate.toString(),
				"-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", PASSWORD);
		rokt = new WireMockServer(wireMockConfig().httpDisabled(true)
			.dynamicHttpsPort()
			.bindAddress("127.0.0.1")
			.keystorePath(keystore.toString())
			.keystorePassword(PASSWORD)
			.keyManagerPassword(PASSWORD)
			.keystoreType("PKCS12"));
		rokt.start();
	}

	@AfterAll
	static void stopHttpsStandIn() {
		rokt.stop();
	}

	@BeforeEach
	void stubRokt() {
		rokt.resetAll();
		rokt.stubFor(post(TOKEN_PATH).willReturn(okJson("{\"access_token\":\"tok-tls\",\"expires_in\":3600}")));
		rokt.stubFor(post("/v1/events").withHeader("Authorization", equalTo("Bearer tok-tls")).willReturn(okJson("{}")));
	}

	private ApplicationContextRunner contextRunner() {
		String baseUrl = "https://localhost:" + rokt.httpsPort();
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, RestClientAutoConfiguration.class, RoktAuthAutoConfiguration.class,
					RoktRestClientAutoConfiguration.class))
			.withPropertyValues("rokt.client-id=my-client", "rokt.client-secret=s3cr3t",
					"rokt.token-uri=" + baseUrl + TOKEN_PATH, "rokt.base-url=" + baseUrl,
					"spring.ssl.bundle.jks.test.truststore.location=file:" + truststore,
					"spring.ssl.bundle.jks.test.truststore.password=" + PASSWORD,
					"spring.ssl.bundle.jks.test.truststore.type=PKCS12");
	}

	@Test
	void tokenRequestAndApiCallsTrustTheStandInThroughTheSslBundle() {
		contextRunner().withPropertyValues("rokt.ssl.bundle=test").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(RoktCalls.postWithWebClient(context)).isEqualTo(200);
			assertThat(RoktCalls.postWithRestClient(context)).isEqualTo(200);
			rokt.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			rokt.verify(exactly(2), postRequestedFor(urlEqualTo("/v1/events")));
		});
	}

	@Test
	void tokenRequestFailsTheTlsHandshakeWithoutTheSslBundle() {
		contextRunner().withPropertyValues("rokt.token.max-attempts=1").run((context) -> {
			assertThatThrownBy(() -> RoktCalls.postWithWebClient(context)).hasMessageContaining("could not be reached");
			rokt.verify(exactly(0), postRequestedFor(urlEqualTo(TOKEN_PATH)));
		});
	}

	@Test
	void failsToStartWhenTheSslBundleDoesNotExist() {
		contextRunner().withPropertyValues("rokt.ssl.bundle=missing").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(NoSuchSslBundleException.class)
				.hasMessageContaining("missing");
		});
	}

	@Test
	void appliesBootsHttpClientCustomizersToTokenRequestsAndApiCalls() {
		Queue<String> seen = new ConcurrentLinkedQueue<>();
		// Where an application would set a proxy, e.g. client.proxy((proxy) -> proxy.type(HTTP).host(...)).
		UnaryOperator<HttpClient> proxy = (client) -> client
			.doOnRequest((request, connection) -> seen.add(request.method() + " " + request.fullPath()));
		contextRunner().withPropertyValues("rokt.ssl.bundle=test")
			.withBean(ClientHttpConnectorBuilderCustomizer.class,
					() -> (ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder>) (builder) -> builder
						.withHttpClientCustomizer(proxy))
			.withBean(ClientHttpRequestFactoryBuilderCustomizer.class,
					() -> (ClientHttpRequestFactoryBuilderCustomizer<ReactorClientHttpRequestFactoryBuilder>) (
							builder) -> builder.withHttpClientCustomizer(proxy))
			.run((context) -> {
				RoktCalls.postWithWebClient(context);
				RoktCalls.postWithRestClient(context);
				List<String> requests = new ArrayList<>(seen);
				assertThat(requests).containsExactly("POST " + TOKEN_PATH, "POST /v1/events", "POST /v1/events");
			});
	}

	private static void keytool(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
	}

}
