package io.github.roktauth.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs everything and prints one table: the JMH per-call benchmark (against a stand-in in
 * this JVM), then the cold-burst, refresh and memory drivers.
 * <p>
 * Arguments: {@code --skip-jmh}, {@code --only-jmh}, {@code --smoke} (tiny driver sizes,
 * seconds), {@code --verbose} (JMH's own output).
 */
public final class BenchmarkMain {

	static final int FORKS = 1;

	static final int WARMUP_ITERATIONS = 3;

	static final int MEASUREMENT_ITERATIONS = 5;

	static final int ITERATION_SECONDS = 2;

	static final int FILTER_ITERATIONS = 3;

	/** Bytes per call of (a) in the single-caller JMH run, to put the filter's bytes in proportion. */
	private static double staticAllocation = Double.NaN;

	/**
	 * What the plain drivers produced.
	 *
	 * @param paired the interleaved per-call result
	 * @param pairedRows its table rows
	 * @param loadRows rows of the burst, refresh and memory runs
	 */
	record DriverResults(LoadDrivers.PairedResult paired, List<String[]> pairedRows, List<String[]> loadRows) {
	}

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		Set<String> flags = Set.of(args);
		boolean smoke = flags.contains("--smoke");
		LoadDrivers.Sizes sizes = smoke ? LoadDrivers.Sizes.smoke() : LoadDrivers.Sizes.full();
		long started = System.nanoTime();
		progress("load average before: " + loadAverage());
		List<String[]> rows = new ArrayList<>();
		try (LoopbackRokt server = new LoopbackRokt()) {
			List<String[]> perCall = List.of();
			Collection<RunResult> filterResults = null;
			if (!flags.contains("--skip-jmh")) {
				progress("per-call JMH: 3 variants x 2 benchmarks, " + FORKS + " fork, " + WARMUP_ITERATIONS + "x"
						+ ITERATION_SECONDS + " s warm-up, " + MEASUREMENT_ITERATIONS + "x" + ITERATION_SECONDS
						+ " s measurement, -prof gc");
				Collection<RunResult> perCallResults = runJmh(server, flags.contains("--verbose"));
				perCall = perCallRows(perCallResults);
				staticAllocation = staticAllocation(perCallResults);
				progress("filter-alone JMH: 3 variants + 3 parts, " + FORKS + " fork, " + FILTER_ITERATIONS
						+ "x1 s warm-up, " + FILTER_ITERATIONS + "x1 s measurement, -prof gc");
				filterResults = runFilterJmh(server, flags.contains("--verbose"));
			}
			DriverResults drivers = flags.contains("--only-jmh") ? null : runDrivers(server, sizes);
			rows.addAll(perCall);
			if (drivers != null) {
				rows.addAll(drivers.pairedRows());
			}
			if (filterResults != null) {
				rows.addAll(filterRows(filterResults,
						(drivers != null) ? drivers.paired().medianMicros()[Variant.STATIC.ordinal()] : Double.NaN));
			}
			if (drivers != null) {
				rows.addAll(drivers.loadRows());
			}
		}
		System.out.println();
		System.out.println(Table.render(rows));
		progress("load average after: " + loadAverage());
		progress(String.format(Locale.ROOT, "done in %.0f s", (System.nanoTime() - started) / 1e9));
		System.exit(0);
	}

	static Collection<RunResult> runJmh(LoopbackRokt server, boolean verbose) throws RunnerException {
		Options options = new OptionsBuilder().include(PerCallBenchmark.class.getName() + "\\.")
			.forks(FORKS)
			.warmupIterations(WARMUP_ITERATIONS)
			.warmupTime(TimeValue.seconds(ITERATION_SECONDS))
			.measurementIterations(MEASUREMENT_ITERATIONS)
			.measurementTime(TimeValue.seconds(ITERATION_SECONDS))
			.addProfiler(GCProfiler.class)
			.jvmArgs("-Xms512m", "-Xmx512m", "-Dbench.port=" + server.port())
			.shouldFailOnError(true)
			.verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT)
			.build();
		return new Runner(options).run();
	}

	static Collection<RunResult> runFilterJmh(LoopbackRokt server, boolean verbose) throws RunnerException {
		List<RunResult> results = new ArrayList<>();
		results.addAll(new Runner(filterOptions(server, verbose, "filter$").build()).run());
		// The parts only need the starter's objects.
		results.addAll(new Runner(filterOptions(server, verbose, "part").param("variant", "ROKT").build()).run());
		return results;
	}

	private static ChainedOptionsBuilder filterOptions(LoopbackRokt server, boolean verbose, String methods) {
		return new OptionsBuilder().include(FilterBenchmark.class.getName() + "\\." + methods)
			.forks(FORKS)
			.warmupIterations(FILTER_ITERATIONS)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(FILTER_ITERATIONS)
			.measurementTime(TimeValue.seconds(1))
			.addProfiler(GCProfiler.class)
			.jvmArgs("-Xms512m", "-Xmx512m", "-Dbench.port=" + server.port())
			.shouldFailOnError(true)
			.verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT);
	}

	static List<String[]> filterRows(Collection<RunResult> results, double staticMicros) {
		Map<String, RunResult> byName = new HashMap<>();
		for (RunResult result : results) {
			String method = result.getParams().getBenchmark();
			method = method.substring(method.lastIndexOf('.') + 1);
			byName.put(method.equals("filter") ? "filter:" + result.getParams().getParam("variant") : method, result);
		}
		List<String[]> rows = new ArrayList<>();
		double[] nanos = new double[3];
		double[] bytes = new double[3];
		for (Variant variant : Variant.values()) {
			RunResult result = byName.get("filter:" + variant.name());
			nanos[variant.ordinal()] = (result != null) ? result.getPrimaryResult().getScore() : Double.NaN;
			bytes[variant.ordinal()] = allocation(result);
		}
		rows.add(Table.section("1c. The filter alone (JMH, canned 200 exchange, token held; (a) = pass-through); "
				+ "ratio columns = share of one (a) call [1b time, 1 alloc]"));
		rows.add(new String[] { "filter time (ns/call)", Table.number(nanos[0], 0), Table.number(nanos[1], 0),
				Table.number(nanos[2], 0), Table.percent(nanos[1] / (staticMicros * 1000)),
				Table.percent(nanos[2] / (staticMicros * 1000)), Table.ratio(nanos[2] / nanos[1]), "", "" });
		rows.add(new String[] { "filter allocation (B/call)", Table.number(bytes[0], 0), Table.number(bytes[1], 0),
				Table.number(bytes[2], 0), Table.percent(bytes[1] / staticAllocation),
				Table.percent(bytes[2] / staticAllocation), Table.ratio(bytes[2] / bytes[1]), "", "" });
		String[][] parts = { { "partOriginCheck", "(b) part: TokenOrigins.matches -> origin()" },
				{ "partRequestCopy", "(b) part: ClientRequest.from(..).build() as in withBearer" },
				{ "partHeldToken", "(b) part: manager.authorizedClient(), token held" } };
		for (String[] part : parts) {
			RunResult result = byName.get(part[0]);
			double score = (result != null) ? result.getPrimaryResult().getScore() : Double.NaN;
			rows.add(new String[] { part[1] + " ns / B", "-",
					Table.number(score, 0) + " / " + Table.number(allocation(result), 0), "-", "-", "-", "-", "", "" });
		}
		return rows;
	}

	private static double staticAllocation(Collection<RunResult> perCallResults) {
		for (RunResult result : perCallResults) {
			if (result.getParams().getBenchmark().endsWith(".latency")
					&& Variant.STATIC.name().equals(result.getParams().getParam("variant"))) {
				return allocation(result);
			}
		}
		return Double.NaN;
	}

	private static double allocation(RunResult result) {
		if (result == null) {
			return Double.NaN;
		}
		Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
		return (alloc != null) ? alloc.getScore() : Double.NaN;
	}

	static List<String[]> perCallRows(Collection<RunResult> results) {
		Map<Variant, Result<?>> latency = new EnumMap<>(Variant.class);
		Map<Variant, Result<?>> throughput = new EnumMap<>(Variant.class);
		Map<Variant, Double> latencyAlloc = new EnumMap<>(Variant.class);
		Map<Variant, Double> throughputAlloc = new EnumMap<>(Variant.class);
		for (RunResult result : results) {
			Variant variant = Variant.valueOf(result.getParams().getParam("variant"));
			boolean isLatency = result.getParams().getBenchmark().endsWith(".latency");
			(isLatency ? latency : throughput).put(variant, result.getPrimaryResult());
			Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
			if (alloc != null) {
				(isLatency ? latencyAlloc : throughputAlloc).put(variant, alloc.getScore());
			}
		}
		List<String[]> rows = new ArrayList<>();
		rows.add(Table.section("1. Per-call overhead (JMH, POST /v1/events, token held)"));
		rows.add(timeRow("time per call, 1 caller (us/call)", latency, false));
		rows.add(timeRow("throughput, 32 in flight (calls/s; ratios = time per call)", throughput, true));
		rows.add(allocRow("allocated per call, 1 caller (B/call)", latencyAlloc));
		rows.add(allocRow("allocated per call, 32 in flight (B/call)", throughputAlloc));
		return rows;
	}

	private static String[] timeRow(String name, Map<Variant, Result<?>> results, boolean throughput) {
		double a = score(results, Variant.STATIC);
		double b = score(results, Variant.ROKT);
		double c = score(results, Variant.STOCK);
		// Time-per-call ratios either way: for throughput the inverse.
		double ba = throughput ? a / b : b / a;
		double ca = throughput ? a / c : c / a;
		return new String[] { name, withError(results.get(Variant.STATIC)), withError(results.get(Variant.ROKT)),
				withError(results.get(Variant.STOCK)), Table.ratio(ba), Table.ratio(ca), Table.ratio(ca / ba),
				"(b)/(a) <= 1.03",
				Table.met(ba <= 1.03) };
	}

	private static String[] allocRow(String name, Map<Variant, Double> alloc) {
		double a = alloc.getOrDefault(Variant.STATIC, Double.NaN);
		double b = alloc.getOrDefault(Variant.ROKT, Double.NaN);
		double c = alloc.getOrDefault(Variant.STOCK, Double.NaN);
		return new String[] { name, Table.number(a, 0), Table.number(b, 0), Table.number(c, 0), Table.ratio(b / a),
				Table.ratio(c / a), Table.ratio(c / b), "", "" };
	}

	private static double score(Map<Variant, Result<?>> results, Variant variant) {
		Result<?> result = results.get(variant);
		return (result != null) ? result.getScore() : Double.NaN;
	}

	private static String withError(Result<?> result) {
		if (result == null) {
			return "n/a";
		}
		int decimals = (result.getScore() >= 1000) ? 0 : 1;
		return Table.number(result.getScore(), decimals) + " ± " + Table.number(result.getScoreError(), decimals);
	}

	static DriverResults runDrivers(LoopbackRokt server, LoadDrivers.Sizes sizes) throws InterruptedException {
		Variant b = Variant.ROKT;
		Variant c = Variant.STOCK;
		progress("paired rounds: " + sizes.pairedWarmUpRounds() + " warm-up + " + sizes.pairedRounds() + " rounds x "
				+ sizes.pairedCallsPerRound() + " calls per variant, " + LoadDrivers.PAIRED_IN_FLIGHT + " in flight");
		LoadDrivers.PairedResult paired = LoadDrivers.pairedRounds(server, sizes);
		List<String[]> pairedRows = new ArrayList<>();
		pairedRows.add(Table.section("1b. Per-call time, variants interleaved in one JVM: " + paired.rounds() + " rounds x "
				+ sizes.pairedCallsPerRound() + " calls each, " + LoadDrivers.PAIRED_IN_FLIGHT
				+ " in flight; ratio = median [quartiles] of per-round ratios"));
		double[] micros = paired.medianMicros();
		pairedRows.add(new String[] { "time per call, median round (us/call)", Table.number(micros[0], 2),
				Table.number(micros[1], 2), Table.number(micros[2], 2), Table.quartiles(paired.roktRatio()),
				Table.quartiles(paired.stockRatio()), Table.ratio(micros[2] / micros[1]), "(b)/(a) <= 1.03",
				Table.met(paired.roktRatio()[0] <= 1.03) });

		progress("warm-up: " + sizes.warmUpCalls() + " calls per variant");
		LoadDrivers.warmUp(server, sizes);
		List<String[]> rows = new ArrayList<>();

		progress("cold burst: " + sizes.burstCalls() + " concurrent first calls, token after "
				+ sizes.burstTokenDelay().toMillis() + " ms");
		LoadDrivers.BurstResult burstA = LoadDrivers.coldBurst(server, Variant.STATIC, sizes);
		LoadDrivers.BurstResult burstB = LoadDrivers.coldBurst(server, b, sizes);
		LoadDrivers.BurstResult burstC = LoadDrivers.coldBurst(server, c, sizes);
		rows.add(Table.section("2. Cold burst: " + sizes.burstCalls() + " concurrent first calls on a fresh client, "
				+ "token endpoint " + sizes.burstTokenDelay().toMillis() + " ms; (a) = same burst needing no token"));
		rows.add(Table.row("token requests", Double.NaN, burstB.tokenRequests(), burstC.tokenRequests(), 0,
				"(b) = 1", burstB.tokenRequests() == 1));
		rows.add(Table.row("call latency p50 (ms)", burstA.p50(), burstB.p50(), burstC.p50(), 1, "", null));
		rows.add(Table.row("call latency p99 (ms)", burstA.p99(), burstB.p99(), burstC.p99(), 1, "", null));
		rows.add(Table.row("call latency max (ms)", burstA.max(), burstB.max(), burstC.max(), 1, "", null));
		rows.add(Table.row("failed calls", burstA.failed(), burstB.failed(), burstC.failed(), 0, "", null));

		progress("refresh under load: " + sizes.refreshRatePerSecond() + " calls/s for "
				+ sizes.refreshLoad().toSeconds() + " s, expires_in " + sizes.refreshLifetimeSeconds()
				+ " s, refresh-before/clock-skew " + sizes.refreshBefore().toMillis() + " ms, token after "
				+ sizes.refreshTokenDelay().toMillis() + " ms");
		LoadDrivers.RefreshResult refreshB = LoadDrivers.refreshUnderLoad(server, b, sizes);
		LoadDrivers.RefreshResult refreshC = LoadDrivers.refreshUnderLoad(server, c, sizes);
		rows.add(Table.section("3. Refresh under load: " + sizes.refreshRatePerSecond() + " calls/s open loop for "
				+ sizes.refreshLoad().toMillis() / 1000.0 + " s, expires_in " + sizes.refreshLifetimeSeconds()
				+ " s, refresh-before (b) / clock skew (c) " + sizes.refreshBefore().toMillis()
				+ " ms, token endpoint " + sizes.refreshTokenDelay().toMillis() + " ms; window = refresh point -"
				+ sizes.windowBefore().toMillis() + "/+" + sizes.windowAfter().toMillis() + " ms"));
		rows.add(Table.driverRow("refreshes (whole windows in the run)", refreshB.refreshes(), refreshC.refreshes(), 0,
				"", null));
		rows.add(Table.driverRow("token requests per refresh window", refreshB.tokenRequestsPerRefresh(),
				refreshC.tokenRequestsPerRefresh(), 1, "(b) = 1", refreshB.tokenRequestsPerRefresh() == 1.0));
		rows.add(Table.driverRow("calls steady / in windows", refreshB.steadyCalls() + " / " + refreshB.windowCalls(),
				refreshC.steadyCalls() + " / " + refreshC.windowCalls()));
		rows.add(Table.driverRow("steady p99 (ms)", refreshB.steadyP99(), refreshC.steadyP99(), 2, "", null));
		rows.add(Table.driverRow("steady max (ms)", refreshB.steadyMax(), refreshC.steadyMax(), 2, "", null));
		rows.add(Table.driverRow("window p99 (ms)", refreshB.windowP99(), refreshC.windowP99(), 2, "", null));
		rows.add(Table.driverRow("window max (ms)", refreshB.windowMax(), refreshC.windowMax(), 2, "", null));
		rows.add(Table.driverRow("window p99 / steady p99", refreshB.p99Ratio(), refreshC.p99Ratio(), 2,
				"(b) <= 1.2", refreshB.p99Ratio() <= 1.2));
		rows.add(Table.driverRow("window max / steady p99", refreshB.maxRatio(), refreshC.maxRatio(), 2, "", null));
		rows.add(Table.driverRow("median per-window p99 / median per-gap steady p99", refreshB.medianP99Ratio(),
				refreshC.medianP99Ratio(), 2, "(b) <= 1.2",
				Double.isNaN(refreshB.medianP99Ratio()) ? null : refreshB.medianP99Ratio() <= 1.2));
		rows.add(Table.driverRow("failed calls", refreshB.failed(), refreshC.failed(), 0, "", null));

		progress("memory: one call from each of " + sizes.principals() + " principals");
		LoadDrivers.MemoryResult memoryB = LoadDrivers.memoryPerPrincipal(server, b, sizes);
		LoadDrivers.MemoryResult memoryC = LoadDrivers.memoryPerPrincipal(server, c, sizes);
		rows.add(Table.section("4. Memory: one call from each of " + sizes.principals() + " distinct principals"));
		rows.add(Table.driverRow("tokens in the store", memoryB.storedTokens(), memoryC.storedTokens(), 0, "", null));
		rows.add(Table.driverRow("token requests", memoryB.tokenRequests(), memoryC.tokenRequests(), 0, "", null));
		rows.add(Table.driverRow("token cache retained, JOL walk (B)", memoryB.retainedBytes(),
				memoryC.retainedBytes(), 0, "", null));
		rows.add(Table.driverRow("token cache retained per principal (B)",
				(double) memoryB.retainedBytes() / sizes.principals(),
				(double) memoryC.retainedBytes() / sizes.principals(), 1, "", null));
		rows.add(Table.driverRow("used heap growth after GC (B)", memoryB.heapGrowthBytes(), memoryC.heapGrowthBytes(),
				0, "", null));
		rows.add(Table.driverRow("failed calls", memoryB.failed(), memoryC.failed(), 0, "", null));
		return new DriverResults(paired, pairedRows, rows);
	}

	private static final long START = System.nanoTime();

	/** Other work on the machine skews every figure: say how busy it was. */
	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim() + " (" + Runtime.getRuntime().availableProcessors()
					+ " CPUs)";
		}
		catch (IOException | RuntimeException ex) {
			return "n/a";
		}
	}

	private static void progress(String message) {
		System.err.printf(Locale.ROOT, "[benchmarks %5.1f s] %s%n", (System.nanoTime() - START) / 1e9, message);
	}

}
