package io.github.roktauth.autoconfigure.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.github.roktauth.client.RoktAuthenticationException;
import io.github.roktauth.client.RoktTokenListener;
import io.github.roktauth.client.RoktTokenStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters of the Rokt token lifecycle, fed as a {@link RoktTokenListener}:
 * <ul>
 * <li>{@value #REQUESTS}: token fetches (after retries), tagged {@code outcome}
 * ({@code success} or the failure's error code such as {@code invalid_client}) and
 * {@code refresh} ({@code true} for a background refresh of a still-valid token);</li>
 * <li>{@value #REFRESHES}: background refreshes, tagged {@code outcome};</li>
 * <li>{@value #EVICTIONS}: tokens dropped because a Rokt API answered {@code 401};</li>
 * <li>{@value #EXPIRY}: seconds until the held token expires, {@code 0} when none is held.</li>
 * </ul>
 */
public class RoktTokenMetrics implements RoktTokenListener, MeterBinder {

	/** Name of the token fetch counter. */
	public static final String REQUESTS = "rokt.auth.token.requests";

	/** Name of the background refresh counter. */
	public static final String REFRESHES = "rokt.auth.token.refreshes";

	/** Name of the eviction counter. */
	public static final String EVICTIONS = "rokt.auth.token.evictions";

	/** Name of the gauge of seconds until expiry. */
	public static final String EXPIRY = "rokt.auth.token.expiry";

	private static final String SUCCESS = "success";

	private final Supplier<RoktTokenStatus> status;

	private final Clock clock;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	/**
	 * Create the meters.
	 * @param status what the token cache holds, read when the gauge is sampled
	 */
	public RoktTokenMetrics(Supplier<RoktTokenStatus> status) {
		this(status, Clock.systemUTC());
	}

	RoktTokenMetrics(Supplier<RoktTokenStatus> status, Clock clock) {
		this.status = status;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(EXPIRY, this, RoktTokenMetrics::secondsUntilExpiry)
			.description("Seconds until the held Rokt access token expires, 0 when none is held")
			.baseUnit("seconds")
			.register(registry);
		Counter.builder(EVICTIONS)
			.description("Rokt access tokens dropped because a Rokt API answered 401")
			.register(registry);
		this.registries.add(registry);
	}

	@Override
	public void tokenFetched(Duration lifetime, Duration elapsed, boolean refresh) {
		record(SUCCESS, elapsed, refresh);
	}

	@Override
	public void tokenFetchFailed(RoktAuthenticationException failure, Duration elapsed, boolean refresh) {
		record(failure.getReason().errorCode(), elapsed, refresh);
	}

	@Override
	public void tokenEvicted() {
		this.registries.forEach((registry) -> registry.counter(EVICTIONS).increment());
	}

	private void record(String outcome, Duration elapsed, boolean refresh) {
		for (MeterRegistry registry : this.registries) {
			Timer.builder(REQUESTS)
				.description("Rokt token fetches, timed once per fetch including its retries")
				.tag("outcome", outcome)
				.tag("refresh", String.valueOf(refresh))
				.register(registry)
				.record(elapsed);
			if (refresh) {
				Counter.builder(REFRESHES)
					.description("Background refreshes of the Rokt access token ahead of its expiry")
					.tag("outcome", outcome)
					.register(registry)
					.increment();
			}
		}
	}

	private double secondsUntilExpiry() {
		Instant expiresAt = this.status.get().expiresAt();
		if (expiresAt == null) {
			return 0;
		}
		return Math.max(0, Duration.between(this.clock.instant(), expiresAt).toMillis() / 1000.0);
	}

}
