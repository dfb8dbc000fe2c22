package io.github.roktauth.sample;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One conversion read from a row of the input file; optional columns that were blank are {@code null}.
 *
 * @param line line of the file the row starts on
 * @param clientEventId caller's unique id of the event
 * @param eventTime when the conversion happened
 * @param email customer's email address as written in the file
 * @param firstName customer's first name
 * @param lastName customer's last name
 * @param amount value of the conversion
 * @param currency ISO 4217 code of the amount's currency
 * @param confirmationRef caller's confirmation or order reference
 * @param conversionType kind of conversion, such as {@code purchase}
 */
public record Conversion(int line, String clientEventId, Instant eventTime, @Nullable String email,
		@Nullable String firstName, @Nullable String lastName, @Nullable BigDecimal amount, @Nullable String currency,
		@Nullable String confirmationRef, @Nullable String conversionType) {
}
