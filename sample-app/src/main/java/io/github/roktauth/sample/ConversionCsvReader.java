package io.github.roktauth.sample;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.roktauth.sample.CsvRecords.CsvRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads conversions from CSV text with a header row.
 * <p>
 * Columns {@code client_event_id} and {@code email} are required; {@code event_time}, {@code first_name},
 * {@code last_name}, {@code amount}, {@code currency}, {@code confirmation_ref} and {@code conversion_type} are
 * optional, in any order. An {@code event_time} is an RFC 3339 date-time with an offset
 * ({@code 2026-05-01T09:30:00Z}), an ISO-8601 duration relative to now ({@code -PT90M} is 90 minutes ago), or
 * blank for now.
 */
public final class ConversionCsvReader {

	static final String CLIENT_EVENT_ID = "client_event_id";

	static final String EVENT_TIME = "event_time";

	static final String EMAIL = "email";

	static final String FIRST_NAME = "first_name";

	static final String LAST_NAME = "last_name";

	static final String AMOUNT = "amount";

	static final String CURRENCY = "currency";

	static final String CONFIRMATION_REF = "confirmation_ref";

	static final String CONVERSION_TYPE = "conversion_type";

	private static final List<String> REQUIRED_COLUMNS = List.of(CLIENT_EVENT_ID, EMAIL);

	private static final List<String> KNOWN_COLUMNS = List.of(CLIENT_EVENT_ID, EVENT_TIME, EMAIL, FIRST_NAME,
			LAST_NAME, AMOUNT, CURRENCY, CONFIRMATION_REF, CONVERSION_TYPE);

	private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z]{3}");

	private final Clock clock;

	/**
	 * Create a reader.
	 * @param clock source of "now" for blank and relative event times
	 */
	public ConversionCsvReader(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Read every conversion of a file, checking the whole file before returning.
	 * @param csv CSV text, header row first
	 * @return conversions in file order
	 * @throws ConversionFileException naming the line and column of the first problem found
	 */
	public List<Conversion> read(String csv) {
		List<CsvRecord> records = CsvRecords.parse(csv);
		if (records.isEmpty()) {
			throw new ConversionFileException(1, null, "file is empty; expected a header row with columns "
					+ String.join(",", KNOWN_COLUMNS));
		}
		CsvRecord header = records.get(0);
		Map<String, Integer> columns = columnIndexes(header);
		Instant now = this.clock.instant();
		Map<String, Integer> linesById = new HashMap<>();
		List<Conversion> conversions = new ArrayList<>(records.size() - 1);
		for (CsvRecord record : records.subList(1, records.size())) {
			if (record.fields().size() != columns.size()) {
				throw new ConversionFileException(record.line(), null,
						"expected " + columns.size() + " fields but found " + record.fields().size());
			}
			Row row = new Row(record, columns);
			Conversion conversion = new Conversion(record.line(), row.required(CLIENT_EVENT_ID),
					eventTime(row, now), row.optional(EMAIL), row.optional(FIRST_NAME), row.optional(LAST_NAME),
					amount(row), currency(row), row.optional(CONFIRMATION_REF), row.optional(CONVERSION_TYPE));
			Integer firstLine = linesById.putIfAbsent(conversion.clientEventId(), record.line());
			if (firstLine != null) {
				throw new ConversionFileException(record.line(), CLIENT_EVENT_ID,
						"'" + conversion.clientEventId() + "' is already used on line " + firstLine);
			}
			conversions.add(conversion);
		}
		return conversions;
	}

	private static Map<String, Integer> columnIndexes(CsvRecord header) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (String name : header.fields()) {
			String column = name.trim().toLowerCase(Locale.ROOT);
			if (!KNOWN_COLUMNS.contains(column)) {
				throw new ConversionFileException(header.line(), column.isEmpty() ? "#" + (columns.size() + 1) : column,
						"unknown column; known columns are " + String.join(",", KNOWN_COLUMNS));
			}
			if (columns.putIfAbsent(column, columns.size()) != null) {
				throw new ConversionFileException(header.line(), column, "column appears twice in the header");
			}
		}
		for (String required : REQUIRED_COLUMNS) {
			if (!columns.containsKey(required)) {
				throw new ConversionFileException(header.line(), required, "required column is missing from the header");
			}
		}
		return columns;
	}

	private static Instant eventTime(Row row, Instant now) {
		String value = row.optional(EVENT_TIME);
		if (value == null) {
			return now;
		}
		try {
			if (value.startsWith("-P") || value.startsWith("P")) {
				return now.plus(Duration.parse(value));
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException ex) {
			throw row.problem(EVENT_TIME, "'" + value
					+ "' is neither an RFC 3339 date-time with offset (2026-05-01T09:30:00Z) nor a duration (-PT90M)");
		}
	}

	private static @Nullable BigDecimal amount(Row row) {
		String value = row.optional(AMOUNT);
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			throw row.problem(AMOUNT, "'" + value + "' is not a number");
		}
	}

	private static @Nullable String currency(Row row) {
		String value = row.optional(CURRENCY);
		if (value != null && !CURRENCY_CODE.matcher(value).matches()) {
			throw row.problem(CURRENCY, "'" + value + "' is not a three-letter currency code");
		}
		return (value != null) ? value.toUpperCase(Locale.ROOT) : null;
	}

	/** Fields of one data row, looked up by column name. */
	private record Row(CsvRecord record, Map<String, Integer> columns) {

		@Nullable String optional(String column) {
			Integer index = this.columns.get(column);
			if (index == null) {
				return null;
			}
			String value = this.record.fields().get(index).trim();
			return value.isEmpty() ? null : value;
		}

		String required(String column) {
			String value = optional(column);
			if (value == null) {
				throw problem(column, "value is required");
			}
			return value;
		}

		ConversionFileException problem(String column, String problem) {
			return new ConversionFileException(this.record.line(), column, problem);
		}

	}

}
