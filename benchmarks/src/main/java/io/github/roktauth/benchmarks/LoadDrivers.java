package io.github.roktauth.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.openjdk.jol.info.GraphLayout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

/**
 * Plain drivers for what JMH does not fit: per-call time with the variants interleaved, a
 * cold burst, token refreshes under steady load, and the memory a token cache keeps per
 * principal. Every loop is bounded in count and in time; all traffic goes to the loopback
 * stand-in.
 */
final class LoadDrivers {

	static final int PAIRED_IN_FLIGHT = PerCallBenchmark.BATCH;

	private static final Duration FIRST_CALL_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration LONG_TOKEN_REFRESH_BEFORE = Duration.ofSeconds(60);

	/** Load before this (or a fifth of the run if shorter) is connection ramp-up, not steady state. */
	private static final long RAMP_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);

	/** Token requests closer than this to the previous one belong to the same refresh. */
	private static final long SAME_REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

	private LoadDrivers() {
	}

	/**
	 * Sizes of one run.
	 *
	 * @param pairedWarmUpRounds interleaved rounds discarded before measuring
	 * @param pairedRounds interleaved rounds measured
	 * @param pairedCallsPerRound calls per variant per round
	 * @param warmUpCalls calls per variant before the burst, refresh and memory runs
	 * @param burstCalls concurrent first calls
	 * @param burstTokenDelay token endpoint delay in the burst
	 * @param refreshLifetimeSeconds {@code expires_in} of the short-lived token
	 * @param refreshBefore refresh-before (starter) and clock skew (stock)
	 * @param refreshTokenDelay token endpoint delay in the refresh run
	 * @param refreshRatePerSecond open-loop call rate
	 * @param refreshLoad how long the load runs from the first token on
	 * @param windowBefore how long before a refresh point its window opens
	 * @param windowAfter how long after a refresh point its window closes
	 * @param principals distinct principals in the memory run
	 */
	record Sizes(int pairedWarmUpRounds, int pairedRounds, int pairedCallsPerRound, int warmUpCalls, int burstCalls,
			Duration burstTokenDelay, int refreshLifetimeSeconds, Duration refreshBefore, Duration refreshTokenDelay,
			int refreshRatePerSecond, Duration refreshLoad, Duration windowBefore, Duration windowAfter,
			int principals) {

		static Sizes full() {
			return new Sizes(6, 12, 10_000, 3000, 1000, Duration.ofMillis(200), 2, Duration.ofSeconds(1),
					Duration.ofMillis(200), 500, Duration.ofSeconds(14), Duration.ofMillis(100), Duration.ofMillis(400),
					10_000);
		}

		static Sizes smoke() {
			return new Sizes(1, 2, 50, 0, 20, Duration.ofMillis(20), 1, Duration.ofMillis(500), Duration.ofMillis(20), 50,
					Duration.ofMillis(1000), Duration.ofMillis(100), Duration.ofMillis(200), 20);
		}

	}

	/**
	 * Interleaved per-call times.
	 *
	 * @param medianMicros median time per call of each variant, by {@link Variant#ordinal()}
	 * @param roktRatio median, first and third quartile of per-round (b)/(a)
	 * @param stockRatio median, first and third quartile of per-round (c)/(a)
	 * @param rounds measured rounds
	 */
	record PairedResult(double[] medianMicros, double[] roktRatio, double[] stockRatio, int rounds) {
	}

	record BurstResult(int tokenRequests, double p50, double p99, double max, int failed) {
	}

	/**
	 * Latency around token refreshes.
	 *
	 * @param refreshes refreshes whose whole window fell inside the load, after ramp-up
	 * @param tokenRequestsInWindows token requests inside those windows
	 * @param steadyCalls calls outside every window (after ramp-up)
	 * @param windowCalls calls inside a window
	 */
	record RefreshResult(int refreshes, int tokenRequestsInWindows, int steadyCalls, int windowCalls,
			double steadyP99, double steadyMax, double windowP99, double windowMax, double medianWindowP99,
			double medianSteadyP99, int failed) {

		/** Median of per-window p99 over median of per-gap steady p99: one stall moves it little. */
		double medianP99Ratio() {
			return this.medianWindowP99 / this.medianSteadyP99;
		}

		double tokenRequestsPerRefresh() {
			return (this.refreshes != 0) ? (double) this.tokenRequestsInWindows / this.refreshes : Double.NaN;
		}

		double p99Ratio() {
			return this.windowP99 / this.steadyP99;
		}

		double maxRatio() {
			return this.windowMax / this.steadyP99;
		}

	}

	record MemoryResult(int storedTokens, long retainedBytesBefore, long retainedBytesAfter, long heapGrowthBytes,
			int tokenRequests, int failed) {

		long retainedBytes() {
			return this.retainedBytesAfter - this.retainedBytesBefore;
		}

	}

	/**
	 * The three variants in one JVM, one pool each, token held: rounds of
	 * {@code pairedCallsPerRound} calls ({@value #PAIRED_IN_FLIGHT} in flight) through each
	 * in turn, rotating which goes first. Background load hits neighbouring slices alike, so
	 * per-round ratios are steadier than figures taken minutes apart.
	 */
	static PairedResult pairedRounds(LoopbackRokt server, Sizes sizes) {
		server.reset(Duration.ZERO, 3600);
		Variant[] variants = Variant.values();
		Variant.Stack[] stacks = new Variant.Stack[variants.length];
		try {
			for (int v = 0; v < variants.length; v++) {
				stacks[v] = variants[v].create(server.baseUrl(), LONG_TOKEN_REFRESH_BEFORE);
				stacks[v].call().block(FIRST_CALL_TIMEOUT);
			}
			int rounds = sizes.pairedRounds();
			double[][] micros = new double[variants.length][rounds];
			for (int round = -sizes.pairedWarmUpRounds(); round < rounds; round++) {
				for (int k = 0; k < variants.length; k++) {
					int v = Math.floorMod(round + k, variants.length);
					Variant.Stack stack = stacks[v];
					long start = System.nanoTime();
					Flux.range(0, sizes.pairedCallsPerRound())
						.flatMap((i) -> stack.call(), PAIRED_IN_FLIGHT)
						.then()
						.block(Duration.ofSeconds(120));
					if (round >= 0) {
						micros[v][round] = (System.nanoTime() - start) / 1e3 / sizes.pairedCallsPerRound();
					}
				}
			}
			double[] ratioB = new double[rounds];
			double[] ratioC = new double[rounds];
			for (int round = 0; round < rounds; round++) {
				ratioB[round] = micros[Variant.ROKT.ordinal()][round] / micros[Variant.STATIC.ordinal()][round];
				ratioC[round] = micros[Variant.STOCK.ordinal()][round] / micros[Variant.STATIC.ordinal()][round];
			}
			double[] medians = new double[variants.length];
			for (int v = 0; v < variants.length; v++) {
				medians[v] = quantile(micros[v], 0.5);
			}
			return new PairedResult(medians, quartiles(ratioB), quartiles(ratioC), rounds);
		}
		finally {
			for (Variant.Stack stack : stacks) {
				if (stack != null) {
					stack.close();
				}
			}
		}
	}

	/** Calls through every variant so the runs after it do not pay for JIT and class loading. */
	static void warmUp(LoopbackRokt server, Sizes sizes) {
		if (sizes.warmUpCalls() == 0) {
			return;
		}
		for (Variant variant : Variant.values()) {
			server.reset(Duration.ZERO, 3600);
			try (Variant.Stack stack = variant.create(server.baseUrl(), LONG_TOKEN_REFRESH_BEFORE)) {
				Flux.range(0, sizes.warmUpCalls())
					.flatMap((i) -> stack.call()
						.contextWrite(ReactiveSecurityContextHolder.withAuthentication(principal("warm-" + (i % 50)))), 16)
					.then()
					.block(Duration.ofSeconds(60));
			}
		}
	}

	/**
	 * Fresh client, no token held: {@code burstCalls} calls wait behind one gate, which is
	 * opened at once; each latency counts from the opening.
	 */
	static BurstResult coldBurst(LoopbackRokt server, Variant variant, Sizes sizes) throws InterruptedException {
		server.reset(sizes.burstTokenDelay(), 3600);
		int calls = sizes.burstCalls();
		long[] latencies = new long[calls];
		AtomicInteger completed = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(calls);
		try (Variant.Stack stack = variant.create(server.baseUrl(), LONG_TOKEN_REFRESH_BEFORE)) {
			Sinks.Empty<Void> gate = Sinks.empty();
			long[] openedAt = new long[1];
			for (int i = 0; i < calls; i++) {
				gate.asMono().then(Mono.defer(stack::call)).subscribe((body) -> {
					latencies[completed.getAndIncrement()] = System.nanoTime() - openedAt[0];
					done.countDown();
				}, (ex) -> {
					failed.incrementAndGet();
					done.countDown();
				});
			}
			openedAt[0] = System.nanoTime();
			gate.tryEmitEmpty();
			if (!done.await(60, TimeUnit.SECONDS)) {
				failed.addAndGet((int) done.getCount());
			}
			Latencies stats = new Latencies(latencies, Math.min(completed.get(), calls));
			return new BurstResult(server.tokenRequests(), stats.percentileMillis(50), stats.percentileMillis(99),
					stats.maxMillis(), failed.get());
		}
	}

	/**
	 * Open-loop load at a fixed rate for {@code refreshLoad} from the first token, with a
	 * token short-lived enough to be refreshed several times. Each refresh point is where a
	 * run of token requests starts (as the stand-in saw them); its window spans
	 * {@code windowBefore} before to {@code windowAfter} after it, and every call outside the
	 * windows after ramp-up is steady state. Latency counts from each call's scheduled
	 * start, so a stalled caller cannot hide the calls that should have started meanwhile.
	 */
	static RefreshResult refreshUnderLoad(LoopbackRokt server, Variant variant, Sizes sizes)
			throws InterruptedException {
		server.reset(sizes.refreshTokenDelay(), sizes.refreshLifetimeSeconds());
		try (Variant.Stack stack = variant.create(server.baseUrl(), sizes.refreshBefore())) {
			stack.call().block(FIRST_CALL_TIMEOUT);
			long tokenAt = System.nanoTime();
			long loadEnd = tokenAt + sizes.refreshLoad().toNanos();
			long steadyFrom = tokenAt + Math.min(RAMP_UP_NANOS, sizes.refreshLoad().toNanos() / 5);
			long period = TimeUnit.SECONDS.toNanos(1) / sizes.refreshRatePerSecond();
			int calls = (int) ((loadEnd - tokenAt) / period);
			long[] scheduled = new long[calls];
			long[] latencies = new long[calls];
			AtomicInteger failed = new AtomicInteger();
			CountDownLatch done = new CountDownLatch(calls);
			for (int i = 0; i < calls; i++) {
				long start = tokenAt + i * period;
				long wait = start - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				int index = i;
				scheduled[i] = start;
				stack.call().subscribe((body) -> {
					latencies[index] = System.nanoTime() - start;
					done.countDown();
				}, (ex) -> {
					latencies[index] = -1;
					failed.incrementAndGet();
					done.countDown();
				});
			}
			if (!done.await(30, TimeUnit.SECONDS)) {
				failed.addAndGet((int) done.getCount());
			}
			long before = sizes.windowBefore().toNanos();
			long after = sizes.windowAfter().toNanos();
			List<long[]> windows = new ArrayList<>();
			long previous = Long.MIN_VALUE;
			for (long at : server.tokenRequestTimes()) {
				if (at - before >= steadyFrom && at - previous > SAME_REFRESH_NANOS && at + after <= loadEnd) {
					windows.add(new long[] { at - before, at + after });
				}
				previous = at;
			}
			int tokenRequestsInWindows = 0;
			for (long[] window : windows) {
				tokenRequestsInWindows += server.tokenRequestsBetween(window[0], window[1]);
			}
			long[] steady = new long[calls];
			long[] inWindow = new long[calls];
			int steadyCount = 0;
			int windowCount = 0;
			// Per window, and per steady gap before, between and after windows.
			long[][] perWindow = new long[windows.size()][calls];
			int[] perWindowCount = new int[windows.size()];
			long[][] perGap = new long[windows.size() + 1][calls];
			int[] perGapCount = new int[windows.size() + 1];
			for (int i = 0; i < calls; i++) {
				if (latencies[i] <= 0) {
					continue;
				}
				int window = windowOf(scheduled[i], windows);
				if (window >= 0) {
					inWindow[windowCount++] = latencies[i];
					perWindow[window][perWindowCount[window]++] = latencies[i];
				}
				else if (scheduled[i] >= steadyFrom && scheduled[i] + after <= loadEnd) {
					steady[steadyCount++] = latencies[i];
					int gap = gapOf(scheduled[i], windows);
					perGap[gap][perGapCount[gap]++] = latencies[i];
				}
			}
			if (Boolean.getBoolean("bench.timeline")) {
				printTimeline(variant, tokenAt, server.tokenRequestTimes(), scheduled, latencies);
			}
			Latencies steadyStats = new Latencies(steady, steadyCount);
			Latencies windowStats = new Latencies(inWindow, windowCount);
			return new RefreshResult(windows.size(), tokenRequestsInWindows, steadyCount, windowCount,
					steadyStats.percentileMillis(99), steadyStats.maxMillis(), windowStats.percentileMillis(99),
					windowStats.maxMillis(), medianP99(perWindow, perWindowCount), medianP99(perGap, perGapCount),
					failed.get());
		}
	}

	private static int windowOf(long at, List<long[]> windows) {
		for (int w = 0; w < windows.size(); w++) {
			if (at >= windows.get(w)[0] && at < windows.get(w)[1]) {
				return w;
			}
		}
		return -1;
	}

	/** Number of windows that open before this instant. */
	private static int gapOf(long at, List<long[]> windows) {
		int gap = 0;
		for (long[] window : windows) {
			if (window[0] <= at) {
				gap++;
			}
		}
		return gap;
	}

	/** Median over groups (of at least 50 calls) of each group's p99, in milliseconds. */
	private static double medianP99(long[][] groups, int[] counts) {
		double[] p99s = new double[groups.length];
		int n = 0;
		for (int g = 0; g < groups.length; g++) {
			if (counts[g] >= 50) {
				p99s[n++] = new Latencies(groups[g], counts[g]).percentileMillis(99);
			}
		}
		return (n == 0) ? Double.NaN : quantile(Arrays.copyOf(p99s, n), 0.5);
	}

	/**
	 * One call per distinct principal (in the Reactor context, as a WebFlux request carries
	 * it), then the retained size of what holds tokens, walked object by object, and the
	 * growth of the used heap after full collections.
	 */
	static MemoryResult memoryPerPrincipal(LoopbackRokt server, Variant variant, Sizes sizes) {
		// Sizes from JOL's model of this VM's object layout; attaching an agent adds seconds, not accuracy here.
		System.setProperty("jol.skipDynamicAttach", "true");
		server.reset(Duration.ZERO, 3600);
		try (Variant.Stack stack = variant.create(server.baseUrl(), LONG_TOKEN_REFRESH_BEFORE)) {
			long retainedBefore = GraphLayout.parseInstance(stack.tokenCacheRoots().toArray()).totalSize();
			long heapBefore = usedHeapAfterGc();
			AtomicInteger failed = new AtomicInteger();
			Flux.range(0, sizes.principals())
				.flatMap((i) -> stack.call()
					.contextWrite(ReactiveSecurityContextHolder.withAuthentication(principal("user-" + i)))
					.onErrorResume((ex) -> {
						failed.incrementAndGet();
						return Mono.empty();
					}), 64)
				.then()
				.block(Duration.ofSeconds(120));
			long heapAfter = usedHeapAfterGc();
			long retainedAfter = GraphLayout.parseInstance(stack.tokenCacheRoots().toArray()).totalSize();
			Reference.reachabilityFence(stack);
			return new MemoryResult(stack.storedTokens(), retainedBefore, retainedAfter, heapAfter - heapBefore,
					server.tokenRequests(), failed.get());
		}
	}

	private static UsernamePasswordAuthenticationToken principal(String name) {
		return UsernamePasswordAuthenticationToken.authenticated(name, "n/a", List.of());
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

	/** With {@code -Dbench.timeline=true}: token requests, p99 and max per 250 ms ({@code bench.timeline.ms}) of a refresh run. */
	private static void printTimeline(Variant variant, long tokenAt, long[] tokenRequests, long[] scheduled,
			long[] latencies) {
		long bucket = TimeUnit.MILLISECONDS.toNanos(Long.getLong("bench.timeline.ms", 250));
		int buckets = (int) ((scheduled[scheduled.length - 1] - tokenAt) / bucket) + 1;
		for (int b = 0; b < buckets; b++) {
			long from = tokenAt + b * bucket;
			long[] in = new long[latencies.length];
			int n = 0;
			for (int i = 0; i < latencies.length; i++) {
				if (latencies[i] > 0 && scheduled[i] >= from && scheduled[i] < from + bucket) {
					in[n++] = latencies[i];
				}
			}
			long tokens = Arrays.stream(tokenRequests).filter((at) -> at >= from && at < from + bucket).count();
			Latencies stats = new Latencies(in, n);
			System.err.printf(Locale.ROOT, "  %s t=%6d ms: tokens=%3d calls=%d p99=%.2f max=%.2f ms%n", variant,
					TimeUnit.NANOSECONDS.toMillis(from - tokenAt), tokens, n, stats.percentileMillis(99),
					stats.maxMillis());
		}
	}

	private static double[] quartiles(double[] values) {
		return new double[] { quantile(values, 0.5), quantile(values, 0.25), quantile(values, 0.75) };
	}

	/** Linear-interpolated quantile. */
	private static double quantile(double[] values, double q) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		double position = q * (sorted.length - 1);
		int low = (int) Math.floor(position);
		int high = Math.min(sorted.length - 1, low + 1);
		return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
	}

}
