package io.github.roktauth.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every driver once with tiny sizes (a few seconds) so the default build proves the
 * harness works. Asserts that rows come out, never what the timings are.
 */
class LoadDriversSmokeTests {

	@Test
	void everyDriverProducesRows() throws Exception {
		try (LoopbackRokt server = new LoopbackRokt()) {
			BenchmarkMain.DriverResults results = BenchmarkMain.runDrivers(server, LoadDrivers.Sizes.smoke());
			assertThat(results.pairedRows()).hasSize(2);
			assertThat(results.loadRows()).hasSizeGreaterThan(20);
			assertThat(Table.render(results.loadRows())).contains("token requests", "window p99 / steady p99",
					"tokens in the store");
		}
	}

	@Test
	void everyVariantCallsTheStandIn() {
		try (LoopbackRokt server = new LoopbackRokt()) {
			for (Variant variant : Variant.values()) {
				try (Variant.Stack stack = variant.create(server.baseUrl(), java.time.Duration.ofSeconds(60))) {
					assertThat(stack.call().block(PerCallBenchmark.CALL_TIMEOUT)).isEqualTo(LoopbackRokt.EVENTS_RESPONSE);
				}
			}
		}
	}

}
