package io.github.roktauth.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Retries a token fetch on transient failures (I/O errors, {@code 5xx}, {@code 429}) with
 * exponential backoff and jitter, waiting as long as a {@code Retry-After} header asks; a
 * {@code Retry-After} beyond the longest backoff ends the retries instead.
 */
// Reactor's Retry.backoff cannot take a per-failure delay, so it cannot honour Retry-After.
final class TokenFetchRetry extends Retry {

	private final int maxAttempts;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	TokenFetchRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
		this.maxAttempts = maxAttempts;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
	}

	@Override
	public Publisher<?> generateCompanion(Flux<RetrySignal> retrySignals) {
		return retrySignals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			if (!(failure instanceof RoktAuthenticationException authenticationFailure)
					|| !authenticationFailure.isTransient() || signal.totalRetries() + 1 >= this.maxAttempts
					|| asksForMoreThanMaxBackoff(authenticationFailure)) {
				return Mono.error(failure);
			}
			return Mono.delay(delayBefore(signal.totalRetries(), authenticationFailure.getRetryAfter()));
		});
	}

	// Retrying sooner than Rokt asked would only be refused again: the manager's cool-down honours it instead.
	private boolean asksForMoreThanMaxBackoff(RoktAuthenticationException failure) {
		Duration retryAfter = failure.getRetryAfter();
		return retryAfter != null && retryAfter.compareTo(this.maxBackoff) > 0;
	}

	Duration delayBefore(long retryIndex, @Nullable Duration retryAfter) {
		if (retryAfter != null) {
			return min(retryAfter, this.maxBackoff);
		}
		Duration exponential = this.initialBackoff.multipliedBy(1L << Math.min(retryIndex, 30));
		Duration capped = min(exponential, this.maxBackoff);
		double jitter = 0.5 + ThreadLocalRandom.current().nextDouble();
		return min(Duration.ofNanos((long) (capped.toNanos() * jitter)), this.maxBackoff);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
