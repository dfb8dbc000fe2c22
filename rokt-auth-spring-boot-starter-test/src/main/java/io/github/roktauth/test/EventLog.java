package io.github.roktauth.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the stand-in's Event API received and accepted: events, batches, idempotency keys and
 * client event ids.
 */
final class EventLog {

	private final List<ReceivedEvent> events = new ArrayList<>();

	private final List<ReceivedBatch> batches = new ArrayList<>();

	private final List<String> idempotencyKeys = new ArrayList<>();

	private final Set<String> acceptedIdempotencyKeys = ConcurrentHashMap.newKeySet();

	private final Set<String> acceptedClientEventIds = ConcurrentHashMap.newKeySet();

	synchronized void idempotencyKey(String key) {
		this.idempotencyKeys.add(key);
	}

	/**
	 * Claim an idempotency key for an accepted request.
	 * @return {@code false} if an accepted request already used it
	 */
	boolean claimIdempotencyKey(String key) {
		return this.acceptedIdempotencyKeys.add(key);
	}

	/**
	 * Claim a client event id for an accepted event.
	 * @return {@code false} if an accepted event already used it
	 */
	boolean claimClientEventId(String clientEventId) {
		return this.acceptedClientEventIds.add(clientEventId);
	}

	synchronized void batch(ReceivedBatch batch, List<ReceivedEvent> events) {
		this.batches.add(batch);
		this.events.addAll(events);
	}

	synchronized List<ReceivedEvent> events() {
		return List.copyOf(this.events);
	}

	synchronized List<ReceivedBatch> batches() {
		return List.copyOf(this.batches);
	}

	synchronized List<String> idempotencyKeys() {
		return List.copyOf(this.idempotencyKeys);
	}

	synchronized int eventCount() {
		return this.events.size();
	}

	synchronized void clear() {
		this.events.clear();
		this.batches.clear();
		this.idempotencyKeys.clear();
		this.acceptedIdempotencyKeys.clear();
		this.acceptedClientEventIds.clear();
	}

}
