package io.github.roktauth.sample;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the conversion sender; {@code --input}, {@code --batch-size} and {@code --send-plain-email} map here. */
@ConfigurationProperties("sample")
public final class SampleProperties {

	/** CSV file of conversions to send; the bundled example when blank. */
	private @Nullable String input;

	/** Whether to send the email address in clear text next to its SHA-256 hash. */
	private boolean sendPlainEmail;

	/** Events per request; values above 100 are capped at 100. */
	private int batchSize = EventBatch.MAX_EVENTS;

	/** Whether to send the input file when the application starts. */
	private boolean sendOnStartup = true;

	/** Time to wait for an answer to one request before retrying it. */
	private Duration requestTimeout = Duration.ofSeconds(30);

	private final Retry retry = new Retry();

	private final StandIn standIn = new StandIn();

	public @Nullable String getInput() {
		return this.input;
	}

	public void setInput(@Nullable String input) {
		this.input = input;
	}

	public boolean isSendPlainEmail() {
		return this.sendPlainEmail;
	}

	public void setSendPlainEmail(boolean sendPlainEmail) {
		this.sendPlainEmail = sendPlainEmail;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public boolean isSendOnStartup() {
		return this.sendOnStartup;
	}

	public void setSendOnStartup(boolean sendOnStartup) {
		this.sendOnStartup = sendOnStartup;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public StandIn getStandIn() {
		return this.standIn;
	}

	/** Retries of a batch after a 5xx or 429 answer, a timeout or an I/O error. */
	public static class Retry {

		/** Retries of one batch after its first attempt. */
		private int maxRetries = 3;

		/** Wait before the first retry; doubled, with jitter, for each further one. */
		private Duration firstBackoff = Duration.ofMillis(500);

		/** Longest wait between two attempts, also the most of a Retry-After header honoured. */
		private Duration maxBackoff = Duration.ofSeconds(10);

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getFirstBackoff() {
			return this.firstBackoff;
		}

		public void setFirstBackoff(Duration firstBackoff) {
			this.firstBackoff = firstBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

	/** Embedded Rokt stand-in used when no real credentials are configured. */
	public static class StandIn {

		/** Whether to start the stand-in when {@code rokt.client-id} is not set. */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
