package io.github.roktauth.benchmarks;

import java.util.Arrays;

/**
 * Call latencies in nanoseconds, summarised as percentiles in milliseconds.
 */
final class Latencies {

	private final long[] sorted;

	Latencies(long[] nanos, int count) {
		this.sorted = Arrays.copyOf(nanos, count);
		Arrays.sort(this.sorted);
	}

	int count() {
		return this.sorted.length;
	}

	/** Nearest-rank percentile in milliseconds, {@code NaN} when empty. */
	double percentileMillis(double percentile) {
		if (this.sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(percentile / 100.0 * this.sorted.length);
		return this.sorted[Math.max(0, Math.min(this.sorted.length - 1, rank - 1))] / 1e6;
	}

	double maxMillis() {
		return (this.sorted.length == 0) ? Double.NaN : this.sorted[this.sorted.length - 1] / 1e6;
	}

}
