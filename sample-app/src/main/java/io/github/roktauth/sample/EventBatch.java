package io.github.roktauth.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Events sent in one {@code POST /v1/events} request, with the {@code Idempotency-Key} that every attempt to
 * send them carries.
 *
 * @param number position of the batch, starting at 1
 * @param count number of batches the events were split into
 * @param idempotencyKey random key, reused when the batch is retried
 * @param events events of the batch, at most {@value #MAX_EVENTS}
 */
public record EventBatch(int number, int count, UUID idempotencyKey, List<RoktEvent> events) {

	/** Most events Rokt accepts in one request. */
	public static final int MAX_EVENTS = 100;

	/**
	 * Split events into batches, each with a fresh random idempotency key.
	 * @param events events in sending order
	 * @param batchSize wanted events per batch; values above {@value #MAX_EVENTS} are capped
	 * @return batches in sending order
	 */
	public static List<EventBatch> split(List<RoktEvent> events, int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch size (--batch-size, sample.batch-size) must be at least 1 but was " + batchSize);
		}
		int size = Math.min(batchSize, MAX_EVENTS);
		int count = (events.size() + size - 1) / size;
		List<EventBatch> batches = new ArrayList<>(count);
		for (int from = 0; from < events.size(); from += size) {
			List<RoktEvent> slice = List.copyOf(events.subList(from, Math.min(from + size, events.size())));
			batches.add(new EventBatch(batches.size() + 1, count, UUID.randomUUID(), slice));
		}
		return List.copyOf(batches);
	}

}
