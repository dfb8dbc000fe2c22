package io.github.roktauth.sample;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConversionCsvReaderTests {

	private static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");

	private static final String HEADER = "client_event_id,event_time,email,first_name,last_name,amount,currency,"
			+ "confirmation_ref,conversion_type\n";

	private final ConversionCsvReader reader = new ConversionCsvReader(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
		List<Conversion> conversions = this.reader.read(HEADER
				+ "c-1,,ann@example.com,\"Ann \"\"Annie\"\"\",\"Smith, Jr.\",10.50,usd,\"ORD,1\",purchase\r\n"
				+ "c-2,,bo@example.com,Bo,\"two\nlines\",,,,signup\n"
				+ "c-3,,cy@example.com,Cy,Lee,1,EUR,,\n");
		assertThat(conversions).hasSize(3);
		Conversion ann = conversions.get(0);
		assertThat(ann.firstName()).isEqualTo("Ann \"Annie\"");
		assertThat(ann.lastName()).isEqualTo("Smith, Jr.");
		assertThat(ann.amount()).isEqualTo(new BigDecimal("10.50"));
		assertThat(ann.currency()).isEqualTo("USD");
		assertThat(ann.confirmationRef()).isEqualTo("ORD,1");
		assertThat(conversions.get(1).lastName()).isEqualTo("two\nlines");
		assertThat(conversions.get(1).amount()).isNull();
		assertThat(conversions).extracting(Conversion::line).containsExactly(2, 3, 5);
		assertThat(conversions.get(2).conversionType()).isNull();
	}

	@Test
	void takesBlankEventTimeAsNowOfTheClock() {
		Conversion conversion = this.reader.read(HEADER + "c-1,,ann@example.com,,,,,,\n").get(0);
		assertThat(conversion.eventTime()).isEqualTo(NOW);
	}

	@Test
	void takesDurationEventTimeAsRelativeToNow() {
		Conversion conversion = this.reader.read(HEADER + "c-1,-PT90M,ann@example.com,,,,,,\n").get(0);
		assertThat(conversion.eventTime()).isEqualTo(NOW.minus(Duration.ofMinutes(90)));
	}

	@Test
	void convertsOffsetEventTimeToAnInstant() {
		Conversion conversion = this.reader.read(HEADER + "c-1,2026-12-03T12:00:00+02:00,ann@example.com,,,,,,\n")
			.get(0);
		assertThat(conversion.eventTime()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
	}

	@Test
	void acceptsColumnsInAnyOrderWithOptionalOnesLeftOut() {
		Conversion conversion = this.reader.read("EMAIL,Client_Event_Id\nann@example.com,c-1\n").get(0);
		assertThat(conversion.clientEventId()).isEqualTo("c-1");
		assertThat(conversion.email()).isEqualTo("ann@example.com");
		assertThat(conversion.eventTime()).isEqualTo(NOW);
	}

	@Test
	void rejectsUnparseableAmountNamingLineAndColumn() {
		assertThatExceptionOfType(ConversionFileException.class)
			.isThrownBy(() -> this.reader.read(HEADER + "c-1,,a@example.com,,,1.00,,,\nc-2,,b@example.com,,,\"12,5O\",,,\n"))
			.satisfies((ex) -> {
				assertThat(ex.getLine()).isEqualTo(3);
				assertThat(ex.getColumn()).isEqualTo("amount");
			})
			.withMessage("line 3, column amount: '12,5O' is not a number");
	}

	@Test
	void rejectsUnparseableAmount() {
		assertThatExceptionOfType(ConversionFileException.class)
			.isThrownBy(() -> this.reader.read(HEADER + "c-1,,a@example.com,,,twelve,USD,,\n"))
			.withMessage("line 2, column amount: 'twelve' is not a number");
	}

	@Test
	void rejectsUnparseableEventTime() {
		assertThatExceptionOfType(ConversionFileException.class)
			.isThrownBy(() -> this.reader.read(HEADER + "c-1,yesterday,a@example.com,,,,,,\n"))
			.withMessageStartingWith("line 2, column event_time: 'yesterday' is neither");
	}

	@Test
	void rejectsMissingRequiredColumn() {
		assertThatExceptionOfType(ConversionFileException.class)
			.isThrownBy(() -> this.reader.read("client_event_id,amount\nc-1,10\n"))
			.withMessage("line 1, column email: required column is missing from the header");
	}

	@Test
	void rejectsUnknownColumn() {
		assertThatExceptionOfType(ConversionFileException.class)
			.isThrownBy(() -> this.reader.read("client_event_id,email,ammount\nc-1,a@example.com,10\n"))
			.withMessageStartingWith("line 1, column ammount: unknown column");
	}

	@Test
	void rejectsRowWithTooFewFields() {
		assertThatExceptionOfType(ConversionFileException.class)
			.isThrownBy(() -> this.reader.read(HEADER + "c-1,,a@example.com\n"))
			.withMessage("line 2: expected 9 fields but found 3");
	}

	@Test
	void rejectsMissingClientEventId() {
		assertThatExceptionOfType(ConversionFileException.class)
			.isThrownBy(() -> this.reader.read(HEADER + " ,,a@example.com,,,,,,\n"))
			.withMessage("line 2, column client_event_id: value is required");
	}

	@Test
	void rejectsDuplicateClientEventId() {
		assertThatExceptionOfType(ConversionFileException.class)
			.isThrownBy(() -> this.reader.read(HEADER + "c-1,,a@example.com,,,,,,\nc-1,,b@example.com,,,,,,\n"))
			.withMessage("line 3, column client_event_id: 'c-1' is already used on line 2");
	}

	@Test
	void rejectsQuoteThatIsNeverClosed() {
		assertThatExceptionOfType(ConversionFileException.class)
			.isThrownBy(() -> this.reader.read(HEADER + "c-1,,a@example.com,\"Ann,,,,,\n"))
			.withMessage("line 2, column #4: quoted field is never closed");
	}

	@Test
	void rejectsTextAfterClosingQuote() {
		assertThatExceptionOfType(ConversionFileException.class)
			.isThrownBy(() -> this.reader.read(HEADER + "c-1,,a@example.com,\"Ann\"x,,,,,\n"))
			.withMessage("line 2, column #4: unexpected character 'x' after a closing quote");
	}

	@Test
	void readsBundledExample() throws IOException {
		List<Conversion> conversions = this.reader.read(bundledExample());
		assertThat(conversions).hasSize(250);
		assertThat(conversions).filteredOn((conversion) -> conversion.email() == null)
			.extracting(Conversion::clientEventId)
			.containsExactly("conv-00203");
		assertThat(conversions).filteredOn((conversion) -> conversion.eventTime().isBefore(NOW.minus(Duration.ofDays(540))))
			.extracting(Conversion::clientEventId)
			.containsExactly("conv-00087");
		assertThat(conversions).allSatisfy((conversion) -> assertThat(conversion.eventTime()).isBeforeOrEqualTo(NOW));
	}

	static String bundledExample() throws IOException {
		try (InputStream in = new ClassPathResource("conversions-example.csv").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
