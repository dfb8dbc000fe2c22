package io.github.roktauth.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.roktauth.client.TokenOrigins;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * The filter of each {@link Variant} alone, token held, against an exchange that answers a
 * canned {@code 200} at once: what (b) and (c) add to a call, without network, event loops
 * or the noise they bring. The {@code part*} benchmarks take the starter's filter apart.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterBenchmark {

	@Param({ "STATIC", "ROKT", "STOCK" })
	public Variant variant;

	private LoopbackRokt ownServer;

	private Variant.Stack stack;

	private ClientRequest request;

	private ExchangeFunction next;

	private TokenOrigins origins;

	private String token;

	@Setup(Level.Trial)
	public void setUp() {
		int port = Integer.getInteger("bench.port", 0);
		String baseUrl;
		if (port == 0) {
			this.ownServer = new LoopbackRokt();
			baseUrl = this.ownServer.baseUrl();
		}
		else {
			baseUrl = "http://127.0.0.1:" + port;
		}
		this.stack = this.variant.create(baseUrl, Duration.ofSeconds(60));
		// A real call through the stand-in, so the token is held from here on.
		this.stack.call().block(PerCallBenchmark.CALL_TIMEOUT);
		this.request = ClientRequest.create(HttpMethod.POST, URI.create(baseUrl + LoopbackRokt.EVENTS_PATH))
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.body(BodyInserters.fromValue(Variant.EVENTS_BODY))
			.build();
		Mono<ClientResponse> ok = Mono.just(ClientResponse.create(HttpStatus.OK).build());
		this.next = (sent) -> ok;
		this.origins = TokenOrigins.of(URI.create(baseUrl));
		this.token = LoopbackRokt.STATIC_TOKEN;
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.stack.close();
		if (this.ownServer != null) {
			this.ownServer.close();
		}
	}

	/** The variant's filter, canned exchange. */
	@Benchmark
	public ClientResponse filter() {
		return this.stack.filter().filter(this.request, this.next).block();
	}

	/** TokenOrigins.matches: the origin check on every request. */
	@Benchmark
	public boolean partOriginCheck() {
		return this.origins.matches(this.request.url());
	}

	/** What withBearer does: copy the request to set one header. */
	@Benchmark
	public ClientRequest partRequestCopy() {
		return ClientRequest.from(this.request)
			.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + this.token))
			.build();
	}

	/** The manager's fast path, token held. */
	@Benchmark
	public Object partHeldToken() {
		return (this.stack.manager() != null) ? this.stack.manager().authorizedClient().block() : null;
	}

}
