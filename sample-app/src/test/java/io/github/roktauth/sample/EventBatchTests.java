package io.github.roktauth.sample;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventBatchTests {

	private final List<RoktEvent> events = IntStream.rangeClosed(1, 250)
		.mapToObj((n) -> new RoktEvent("c-" + n, "conversion", "2026-12-03T10:15:30Z", List.of()))
		.toList();

	@Test
	void splitsIntoBatchesOfAtMostTheBatchSize() {
		List<EventBatch> batches = EventBatch.split(this.events, 100);
		assertThat(batches).extracting((batch) -> batch.events().size()).containsExactly(100, 100, 50);
		assertThat(batches).extracting(EventBatch::number).containsExactly(1, 2, 3);
		assertThat(batches).extracting(EventBatch::count).containsOnly(3);
		assertThat(batches.get(2).events().get(0).clientEventId()).isEqualTo("c-201");
	}

	@Test
	void capsBatchSizeAt100() {
		assertThat(EventBatch.split(this.events, 500)).extracting((batch) -> batch.events().size())
			.containsExactly(100, 100, 50);
	}

	@Test
	void honoursSmallerBatchSize() {
		assertThat(EventBatch.split(this.events, 60)).extracting((batch) -> batch.events().size())
			.containsExactly(60, 60, 60, 60, 10);
	}

	@Test
	void givesEveryBatchItsOwnIdempotencyKey() {
		assertThat(EventBatch.split(this.events, 10)).extracting(EventBatch::idempotencyKey)
			.hasSize(25)
			.doesNotHaveDuplicates();
	}

	@Test
	void makesNoBatchOfNoEvents() {
		assertThat(EventBatch.split(List.of(), 100)).isEmpty();
	}

	@Test
	void rejectsBatchSizeBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventBatch.split(this.events, 0))
			.withMessage("batch size (--batch-size, sample.batch-size) must be at least 1 but was 0");
	}

}
