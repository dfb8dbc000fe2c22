package io.github.roktauth.benchmarks;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * Stand-in for Rokt on 127.0.0.1: {@code POST /v1/events} and the token endpoint
 * {@code POST /auth/oauth2/token}, with a configurable token delay and lifetime, counting
 * the token requests it receives. Runs on its own event loop so it never shares threads
 * with the clients under test.
 */
public final class LoopbackRokt implements AutoCloseable {

	static final String EVENTS_PATH = "/v1/events";

	static final String TOKEN_PATH = "/auth/oauth2/token";

	static final String EVENTS_RESPONSE = "{\"data\":{\"unprocessedRecords\":[]}}";

	/** Length of every token served ("t" and 8 digits), so all variants send equal headers. */
	static final String STATIC_TOKEN = "t00000000";

	private final LoopResources loops = LoopResources.create("rokt-stand-in", 2, true);

	private final DisposableServer server;

	private final AtomicLong tokensIssued = new AtomicLong();

	private final ConcurrentLinkedQueue<Long> tokenRequestNanos = new ConcurrentLinkedQueue<>();

	private volatile Duration tokenDelay = Duration.ZERO;

	private volatile long tokenLifetimeSeconds = 3600;

	public LoopbackRokt() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.route((routes) -> routes.post(EVENTS_PATH, this::events).post(TOKEN_PATH, this::token))
			.bindNow(Duration.ofSeconds(10));
	}

	public int port() {
		return this.server.port();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * Forget counted requests and set how the token endpoint answers from now on.
	 * @param delay time before the token endpoint answers
	 * @param lifetimeSeconds {@code expires_in} of the tokens served
	 */
	public void reset(Duration delay, long lifetimeSeconds) {
		this.tokenDelay = delay;
		this.tokenLifetimeSeconds = lifetimeSeconds;
		this.tokenRequestNanos.clear();
	}

	/** Token requests received since the last {@link #reset}. */
	public int tokenRequests() {
		return this.tokenRequestNanos.size();
	}

	/** When each token request since the last {@link #reset} arrived ({@link System#nanoTime()}), in order. */
	public long[] tokenRequestTimes() {
		return this.tokenRequestNanos.stream().mapToLong(Long::longValue).sorted().toArray();
	}

	/** Token requests received in {@code [fromNanos, toNanos)} ({@link System#nanoTime()}). */
	public int tokenRequestsBetween(long fromNanos, long toNanos) {
		int count = 0;
		for (long at : this.tokenRequestNanos) {
			if (at >= fromNanos && at < toNanos) {
				count++;
			}
		}
		return count;
	}

	private Mono<Void> events(HttpServerRequest request, HttpServerResponse response) {
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.sendString(request.receive().asString().then(Mono.just(EVENTS_RESPONSE)))
			.then();
	}

	private Mono<Void> token(HttpServerRequest request, HttpServerResponse response) {
		this.tokenRequestNanos.add(System.nanoTime());
		String body = "{\"access_token\":\"t" + String.format("%08d", this.tokensIssued.incrementAndGet() % 100_000_000)
				+ "\",\"expires_in\":" + this.tokenLifetimeSeconds + ",\"token_type\":\"Bearer\"}";
		Duration delay = this.tokenDelay;
		Mono<String> answer = request.receive().asString().then(Mono.just(body));
		if (!delay.isZero()) {
			answer = answer.delayElement(delay);
		}
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json").sendString(answer).then();
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

}
