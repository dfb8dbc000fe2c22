package io.github.roktauth.autoconfigure.health;

import java.time.Duration;
import java.time.Instant;

import io.github.roktauth.autoconfigure.TestManagers;
import io.github.roktauth.autoconfigure.TestManagers.ScriptedEndpoint;
import io.github.roktauth.client.MutableClock;
import io.github.roktauth.client.RoktAuthorizedClientManager;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RoktHealthIndicator}.
 */
class RoktHealthIndicatorTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final ScriptedEndpoint endpoint = new ScriptedEndpoint();

	private final RoktAuthorizedClientManager manager = this.endpoint.manager(this.clock);

	private final RoktHealthIndicator indicator = new RoktHealthIndicator(this.manager, this.clock);

	@Test
	void isUnknownBeforeTheFirstFetch() {
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).doesNotContainKeys("expiresInSeconds", "error");
	}

	@Test
	void isUpWithSecondsUntilExpiryWhileATokenIsHeld() {
		this.endpoint.answer(TestManagers.token("tok-health", 3600));
		this.manager.authorizedClient().block(Duration.ofSeconds(5));
		this.clock.advance(Duration.ofSeconds(600));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("expiresInSeconds", 3000L)
			.containsEntry("expiresAt", "2026-01-01T01:00:00Z");
	}

	@Test
	void isDownWithTheErrorKindAndHttpStatusWhenNoValidTokenRemains() {
		this.endpoint.fail(TestManagers.invalidClient());
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.manager.authorizedClient().block(Duration.ofSeconds(5)));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "invalid_client").containsEntry("httpStatus", 401);
	}

	@Test
	void isDownOnceTheHeldTokenExpiredAndTheNextFetchFailed() {
		this.endpoint.answer(TestManagers.token("tok-old", 60));
		this.manager.authorizedClient().block(Duration.ofSeconds(5));
		this.clock.advance(Duration.ofSeconds(61));
		this.endpoint.fail(TestManagers.invalidClient());
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.manager.authorizedClient().block(Duration.ofSeconds(5)));
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void detailsNeverContainTheTokenOrTheSecret() {
		this.endpoint.answer(TestManagers.token("tok-never-shown", 3600));
		this.manager.authorizedClient().block(Duration.ofSeconds(5));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().toString()).doesNotContain("tok-never-shown").doesNotContain("s3cr3t");
	}

}
