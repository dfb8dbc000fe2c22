package io.github.roktauth.sample;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What became of one batch: delivered, with the events Rokt rejected, or failed for good.
 *
 * @param batch the batch
 * @param attempts requests made for it, retries included
 * @param rejected events Rokt rejected; empty when the batch failed
 * @param failure why the batch could not be delivered, or {@code null} when it was
 */
public record BatchOutcome(EventBatch batch, int attempts, List<RejectedEvent> rejected, @Nullable String failure) {

	/**
	 * Return whether Rokt took the batch.
	 * @return {@code true} when delivered, even with rejected events
	 */
	public boolean delivered() {
		return this.failure == null;
	}

	/**
	 * Return the number of events Rokt accepted.
	 * @return events accepted; zero when the batch failed
	 */
	public int accepted() {
		return delivered() ? this.batch.events().size() - this.rejected.size() : 0;
	}

}
