package io.github.roktauth.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Flux;

/**
 * Per-call cost of {@code POST /v1/events} through each {@link Variant}, with a valid token
 * already held. The stand-in runs in the JVM that launched JMH when {@code bench.port} is
 * set (so allocation figures are the client's alone), in this JVM otherwise.
 */
@State(Scope.Benchmark)
public class PerCallBenchmark {

	static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

	static final int BATCH = 32;

	static final int PREWARM_CALLS = 30_000;

	@Param({ "STATIC", "ROKT", "STOCK" })
	public Variant variant;

	private LoopbackRokt ownServer;

	private Variant.Stack stack;

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
		// The first call fetches the token; every measured call finds it held.
		this.stack.call().block(CALL_TIMEOUT);
		// Compilation follows call counts: get most of it done at full speed before warm-up.
		Flux.range(0, PREWARM_CALLS).flatMap((i) -> this.stack.call(), BATCH).then().block(Duration.ofSeconds(120));
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.stack.close();
		if (this.ownServer != null) {
			this.ownServer.close();
		}
	}

	/** One caller: time per call. */
	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Threads(1)
	public String latency() {
		return this.stack.call().block(CALL_TIMEOUT);
	}

	/** {@value #BATCH} calls in flight at once: calls per second with the CPU saturated. */
	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@OperationsPerInvocation(BATCH)
	@Threads(1)
	public void throughput(Blackhole blackhole) {
		Flux.range(0, BATCH).flatMap((i) -> this.stack.call(), BATCH).doOnNext(blackhole::consume).blockLast(CALL_TIMEOUT);
	}

}
