package io.github.roktauth.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import io.github.roktauth.test.RoktStandIn;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Reads the input file, sends its conversions in batches, reports rejected events and prints the summary line;
 * its exit code is 0 on success, 1 when a batch failed for good and 2 when nothing could be sent.
 */
@Component
@ConditionalOnBooleanProperty(name = "sample.send-on-startup", matchIfMissing = true)
final class ConversionSendingRunner implements ApplicationRunner, ExitCodeGenerator {

	static final String BUNDLED_INPUT = "conversions-example.csv";

	static final int BATCH_FAILED = 1;

	static final int NOT_SENT = 2;

	private final PrintStream out = System.out;

	private final PrintStream err = System.err;

	private final SampleProperties properties;

	private final ConversionCsvReader reader;

	private final RoktEventSender sender;

	private final String accountId;

	private final ObjectProvider<RoktStandIn> standIn;

	private final TokenReport tokenReport;

	private int exitCode;

	ConversionSendingRunner(SampleProperties properties, ConversionCsvReader reader, RoktEventSender sender,
			@Value("${rokt.account-id:}") String accountId, ObjectProvider<RoktStandIn> standIn,
			TokenReport tokenReport) {
		this.properties = properties;
		this.reader = reader;
		this.sender = sender;
		this.accountId = accountId;
		this.standIn = standIn;
		this.tokenReport = tokenReport;
	}

	@Override
	public void run(ApplicationArguments args) {
		String input = this.properties.getInput();
		String source = StringUtils.hasText(input) ? input : BUNDLED_INPUT + " (bundled example)";
		if (!StringUtils.hasText(this.accountId)) {
			fail("rokt.account-id is not set (ROKT_ACCOUNT_ID in the live profile)");
			return;
		}
		List<Conversion> conversions;
		List<EventBatch> batches;
		try {
			conversions = this.reader.read(readInput(input));
			ConversionEventMapper mapper = new ConversionEventMapper(this.properties.isSendPlainEmail());
			batches = EventBatch.split(conversions.stream().map(mapper::toEvent).toList(),
					this.properties.getBatchSize());
		}
		catch (IOException ex) {
			fail("cannot read " + source + ": " + describe(ex) + "; nothing was sent");
			return;
		}
		catch (ConversionFileException ex) {
			fail(source + " " + ex.getMessage() + "; nothing was sent");
			return;
		}
		catch (IllegalArgumentException ex) {
			fail(ex.getMessage());
			return;
		}
		this.out.println("read " + conversions.size() + ((conversions.size() == 1) ? " conversion" : " conversions")
				+ " from " + source);
		List<BatchOutcome> outcomes = Flux.fromIterable(batches)
			.concatMap(this.sender::send)
			.doOnNext(this::report)
			.collectList()
			.block();
		int accepted = 0;
		int rejected = 0;
		for (BatchOutcome outcome : (outcomes != null) ? outcomes : List.<BatchOutcome>of()) {
			accepted += outcome.accepted();
			rejected += outcome.rejected().size();
			if (!outcome.delivered()) {
				this.exitCode = BATCH_FAILED;
			}
		}
		printIfPresent(this.tokenReport.healthLine());
		printIfPresent(this.tokenReport.metricsLine());
		this.standIn.ifAvailable((rokt) -> this.out.println("standin token_requests=" + rokt.tokenRequests()));
		this.out.println("sent=" + conversions.size() + " accepted=" + accepted + " rejected=" + rejected
				+ " batches=" + batches.size());
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	private void report(BatchOutcome outcome) {
		EventBatch batch = outcome.batch();
		String retries = (outcome.attempts() > 1) ? " retries=" + (outcome.attempts() - 1) : "";
		String name = "batch " + batch.number() + "/" + batch.count() + " events=" + batch.events().size();
		if (!outcome.delivered()) {
			this.out.println(name + " FAILED after " + outcome.attempts()
					+ ((outcome.attempts() == 1) ? " attempt: " : " attempts: ") + outcome.failure());
			return;
		}
		this.out.println(name + " accepted=" + outcome.accepted() + " rejected=" + outcome.rejected().size() + retries);
		for (RejectedEvent event : outcome.rejected()) {
			this.out.println("rejected client_event_id=" + event.clientEventId() + " code=" + event.code()
					+ (event.message().isEmpty() ? "" : " message=\"" + event.message() + "\""));
		}
	}

	private void printIfPresent(String line) {
		if (!line.isEmpty()) {
			this.out.println(line);
		}
	}

	private static String describe(IOException ex) {
		if (ex instanceof NoSuchFileException) {
			return "no such file";
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof CharacterCodingException) {
			return "it is not UTF-8 text (save it as UTF-8)";
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	private void fail(String message) {
		this.err.println("error: " + message);
		this.exitCode = NOT_SENT;
	}

	private static String readInput(@Nullable String input) throws IOException {
		if (StringUtils.hasText(input)) {
			return Files.readString(Path.of(input), StandardCharsets.UTF_8);
		}
		try (InputStream bundled = new ClassPathResource(BUNDLED_INPUT).getInputStream()) {
			return new String(bundled.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
