package io.github.roktauth.sample;

import java.math.BigDecimal;
import java.time.Instant;

import io.github.roktauth.sample.RoktEvent.Attribute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ConversionEventMapperTests {

	private static final String JANE_SHA256 = "86e0b9e56c17cc4d12387e1949b85053fbe73bc3ce5a1188713a9d300cc6133d";

	private final Conversion jane = new Conversion(2, "c-1", Instant.parse("2026-12-03T10:15:30.123456Z"),
			"  Jane.Doe@Example.COM ", "Jane", "Doe", new BigDecimal("42.50"), "AUD", "ORD-1", "purchase");

	@Test
	void hashesTrimmedLowerCasedEmail() {
		assertThat(ConversionEventMapper.emailSha256("  Jane.Doe@Example.COM ")).isEqualTo(JANE_SHA256);
		assertThat(ConversionEventMapper.emailSha256("jane.doe@example.com")).isEqualTo(JANE_SHA256);
	}

	@Test
	void mapsConversionToConversionEventWithHashedEmailOnly() {
		RoktEvent event = new ConversionEventMapper(false).toEvent(this.jane);
		assertThat(event.clientEventId()).isEqualTo("c-1");
		assertThat(event.eventType()).isEqualTo("conversion");
		assertThat(event.eventTime()).isEqualTo("2026-12-03T10:15:30.123Z");
		assertThat(event.objectData()).extracting(Attribute::name, Attribute::value)
			.containsExactly(tuple("emailsha256", JANE_SHA256), tuple("amount", "42.50"), tuple("currency", "AUD"),
					tuple("confirmationref", "ORD-1"), tuple("firstname", "Jane"), tuple("lastname", "Doe"),
					tuple("conversiontype", "purchase"));
		assertThat(event.toString()).doesNotContainIgnoringCase("jane.doe@example.com");
	}

	@Test
	void sendsPlainEmailOnlyWhenAskedTo() {
		RoktEvent event = new ConversionEventMapper(true).toEvent(this.jane);
		assertThat(event.objectData()).extracting(Attribute::name, Attribute::value)
			.startsWith(tuple("emailsha256", JANE_SHA256), tuple("email", "Jane.Doe@Example.COM"));
	}

	@Test
	void leavesOutBlankAttributes() {
		Conversion bare = new Conversion(2, "c-2", Instant.parse("2026-12-03T10:15:30Z"), null, null, null, null,
				null, null, null);
		RoktEvent event = new ConversionEventMapper(false).toEvent(bare);
		assertThat(event.eventTime()).isEqualTo("2026-12-03T10:15:30Z");
		assertThat(event.objectData()).isEmpty();
	}

}
