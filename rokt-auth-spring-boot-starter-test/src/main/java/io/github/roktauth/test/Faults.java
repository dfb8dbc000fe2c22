package io.github.roktauth.test;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Fault injection for a {@link RoktStandIn}: makes the next requests of one endpoint fail.
 * <p>
 * A fault applies to the next {@code requests} requests of its endpoint, then normal
 * behaviour resumes. Faults armed for the same endpoint apply one after another, in the
 * order they were armed. Faulted requests still count in {@link RoktStandIn#tokenRequests()}
 * and {@link RoktStandIn#idempotencyKeys()}.
 */
public final class Faults {

	private final ArmedFaults<PlannedTokenFault> token = new ArmedFaults<>();

	private final ArmedFaults<EventsFault> events = new ArmedFaults<>();

	Faults() {
	}

	/**
	 * Answer the next token requests with a failure.
	 * @param fault the failure
	 * @param requests how many requests, at least 1
	 * @return these faults, to arm more
	 */
	public Faults token(TokenFault fault, int requests) {
		Objects.requireNonNull(fault, "fault");
		this.token.arm(new PlannedTokenFault(fault, Duration.ZERO), requests);
		return this;
	}

	/**
	 * Answer the next token requests normally, but only after a delay.
	 * @param delay how long to wait before answering
	 * @param requests how many requests, at least 1
	 * @return these faults, to arm more
	 */
	public Faults tokenDelay(Duration delay, int requests) {
		Objects.requireNonNull(delay, "delay");
		if (delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative, was " + delay);
		}
		this.token.arm(new PlannedTokenFault(null, delay), requests);
		return this;
	}

	/**
	 * Answer the next Event API requests with a failure.
	 * @param fault the failure
	 * @param requests how many requests, at least 1
	 * @return these faults, to arm more
	 */
	public Faults events(EventsFault fault, int requests) {
		Objects.requireNonNull(fault, "fault");
		this.events.arm(fault, requests);
		return this;
	}

	/**
	 * Disarm every fault.
	 */
	public void clear() {
		this.token.clear();
		this.events.clear();
	}

	@Nullable PlannedTokenFault nextTokenFault() {
		return this.token.next();
	}

	@Nullable EventsFault nextEventsFault() {
		return this.events.next();
	}

}
