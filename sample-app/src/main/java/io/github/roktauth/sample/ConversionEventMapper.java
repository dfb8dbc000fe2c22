package io.github.roktauth.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.github.roktauth.sample.RoktEvent.Attribute;
import org.jspecify.annotations.Nullable;

/**
 * Maps conversions to Rokt {@code conversion} events, identifying the customer by the SHA-256 hash of the
 * email address and sending the address itself only when asked to.
 */
public final class ConversionEventMapper {

	static final String EVENT_TYPE = "conversion";

	private final boolean sendPlainEmail;

	/**
	 * Create a mapper.
	 * @param sendPlainEmail whether to send the email address in clear text next to its hash
	 */
	public ConversionEventMapper(boolean sendPlainEmail) {
		this.sendPlainEmail = sendPlainEmail;
	}

	/**
	 * Map one conversion to an event.
	 * @param conversion conversion read from the input file
	 * @return event to send
	 */
	public RoktEvent toEvent(Conversion conversion) {
		List<Attribute> data = new ArrayList<>();
		String email = conversion.email();
		if (email != null) {
			add(data, "emailsha256", emailSha256(email));
			if (this.sendPlainEmail) {
				add(data, "email", email.trim());
			}
		}
		add(data, "amount", (conversion.amount() != null) ? conversion.amount().toPlainString() : null);
		add(data, "currency", conversion.currency());
		add(data, "confirmationref", conversion.confirmationRef());
		add(data, "firstname", conversion.firstName());
		add(data, "lastname", conversion.lastName());
		add(data, "conversiontype", conversion.conversionType());
		return new RoktEvent(conversion.clientEventId(), EVENT_TYPE, rfc3339(conversion.eventTime()), List.copyOf(data));
	}

	/**
	 * Return the identifier Rokt expects in {@code emailsha256}.
	 * @param email email address as given
	 * @return lower-case hex SHA-256 of the trimmed, lower-cased address
	 */
	public static String emailSha256(String email) {
		byte[] normalized = email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalized));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static String rfc3339(Instant time) {
		return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS));
	}

	private static void add(List<Attribute> data, String name, @Nullable String value) {
		if (value != null) {
			data.add(new Attribute(name, value));
		}
	}

}
