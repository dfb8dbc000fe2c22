package io.github.roktauth.autoconfigure.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.github.roktauth.autoconfigure.TestManagers;
import io.github.roktauth.autoconfigure.TestManagers.ScriptedEndpoint;
import io.github.roktauth.client.MutableClock;
import io.github.roktauth.client.RoktAuthorizedClientManager;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RoktTokenMetrics}.
 */
class RoktTokenMetricsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final ScriptedEndpoint endpoint = new ScriptedEndpoint();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final AtomicReference<RoktAuthorizedClientManager> manager = new AtomicReference<>();

	private final RoktTokenMetrics metrics = new RoktTokenMetrics(() -> this.manager.get().status(), this.clock);

	@BeforeEach
	void bind() {
		this.manager.set(this.endpoint.manager(this.clock, this.metrics));
		this.metrics.bindTo(this.registry);
	}

	@Test
	void gaugeIsZeroBeforeTheFirstFetchThenSecondsUntilExpiry() {
		assertThat(this.registry.get(RoktTokenMetrics.EXPIRY).gauge().value()).isZero();
		this.endpoint.answer(TestManagers.token("tok-1", 3600));
		this.manager.get().authorizedClient().block(Duration.ofSeconds(5));
		this.clock.advance(Duration.ofSeconds(100));
		assertThat(this.registry.get(RoktTokenMetrics.EXPIRY).gauge().value()).isEqualTo(3500.0);
	}

	@Test
	void countsSuccessfulAndFailedFetchesByOutcome() {
		this.endpoint.fail(TestManagers.invalidClient());
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.manager.get().authorizedClient().block(Duration.ofSeconds(5)));
		this.endpoint.answer(TestManagers.token("tok-2", 3600));
		this.manager.get().authorizedClient().block(Duration.ofSeconds(5));
		assertThat(requests("invalid_client", "false")).isEqualTo(1);
		assertThat(requests("success", "false")).isEqualTo(1);
		assertThat(this.registry.get(RoktTokenMetrics.REQUESTS).tag("outcome", "success").timer()
			.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
		assertThat(this.registry.find(RoktTokenMetrics.REFRESHES).counter()).isNull();
	}

	@Test
	void countsBackgroundRefreshes() {
		this.endpoint.answer(TestManagers.token("tok-3", 3600));
		this.manager.get().authorizedClient().block(Duration.ofSeconds(5));
		this.clock.advance(Duration.ofSeconds(3600 - 30));
		this.endpoint.answer(TestManagers.token("tok-4", 3600));
		OAuth2AuthorizedClient served = this.manager.get().authorizedClient().block(Duration.ofSeconds(5));
		assertThat(served.getAccessToken().getTokenValue()).isEqualTo("tok-3");
		// The background refresh runs on another thread.
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(requests("success", "true")).isEqualTo(1));
		assertThat(this.registry.get(RoktTokenMetrics.REFRESHES).tag("outcome", "success").counter().count())
			.isEqualTo(1.0);
	}

	@Test
	void countsEvictions() {
		this.endpoint.answer(TestManagers.token("tok-5", 3600));
		OAuth2AuthorizedClient client = this.manager.get().authorizedClient().block(Duration.ofSeconds(5));
		assertThat(this.registry.get(RoktTokenMetrics.EVICTIONS).counter().count()).isZero();
		this.manager.get().evict(client.getAccessToken()).block(Duration.ofSeconds(5));
		assertThat(this.registry.get(RoktTokenMetrics.EVICTIONS).counter().count()).isEqualTo(1.0);
		assertThat(this.registry.get(RoktTokenMetrics.EXPIRY).gauge().value()).isZero();
	}

	private long requests(String outcome, String refresh) {
		return this.registry.get(RoktTokenMetrics.REQUESTS)
			.tag("outcome", outcome)
			.tag("refresh", refresh)
			.timer()
			.count();
	}

}
