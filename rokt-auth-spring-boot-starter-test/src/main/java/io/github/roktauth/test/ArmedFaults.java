package io.github.roktauth.test;

import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

/**
 * Faults armed for one endpoint, each for a number of requests, used up in the order armed.
 *
 * @param <F> the kind of fault
 */
final class ArmedFaults<F> {

	private final Deque<Armed<F>> armed = new ArrayDeque<>();

	synchronized void arm(F fault, int requests) {
		if (requests < 1) {
			throw new IllegalArgumentException("requests must be at least 1, was " + requests);
		}
		this.armed.addLast(new Armed<>(fault, requests));
	}

	synchronized @Nullable F next() {
		Armed<F> head = this.armed.peekFirst();
		if (head == null) {
			return null;
		}
		if (--head.remaining == 0) {
			this.armed.removeFirst();
		}
		return head.fault;
	}

	synchronized void clear() {
		this.armed.clear();
	}

	private static final class Armed<F> {

		private final F fault;

		private int remaining;

		Armed(F fault, int remaining) {
			this.fault = fault;
			this.remaining = remaining;
		}

	}

}
