package io.github.roktauth.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.roktauth.test.EventsFault;
import io.github.roktauth.test.ReceivedBatch;
import io.github.roktauth.test.ReceivedEvent;
import io.github.roktauth.test.RoktStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the real application, as its {@code main} would, against a Rokt stand-in. */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	// Every token the stand-in issues starts with this base64url JWT header ({"kid":"rokt-stand-in",...).
	private static final String STAND_IN_TOKEN_START = "eyJraWQiOiJyb2t0LXN0YW5kLWluIi";

	private static final String BUNDLED_SUMMARY = "sent=250 accepted=248 rejected=2 batches=3";

	private final RoktStandIn standIn = RoktStandIn.start();

	@AfterEach
	void stopStandIn() {
		this.standIn.close();
	}

	@Test
	void sendsBundledExampleToEmbeddedStandIn(CapturedOutput output) {
		int exitCode = SampleApplication.run();
		assertThat(exitCode).isZero();
		assertThat(lines(output)).endsWith("standin token_requests=1", BUNDLED_SUMMARY);
		assertThat(output.getOut()).contains("rejected client_event_id=conv-00087 code=")
			.contains("rejected client_event_id=conv-00203 code=");
		assertThat(output).doesNotContain(RoktStandIn.DEFAULT_CLIENT_SECRET, "Bearer", STAND_IN_TOKEN_START,
				"@example.com");
	}

	@Test
	void neverOverridesRoktPropertiesTheUserSetWithTheStandIn(CapturedOutput output) {
		assertThatThrownBy(() -> SampleApplication.run("--rokt.token-uri=http://127.0.0.1:9/auth/oauth2/token"))
			.rootCause()
			.hasMessageContaining("rokt.client-id is not set");
		assertThat(output).doesNotContain("standin token_requests");
	}

	@Test
	void showsTheTokensHealthAndMetricsAfterTheRun(CapturedOutput output) {
		assertThat(SampleApplication.run()).isZero();
		assertThat(lines(output)).anySatisfy((line) -> assertThat(line).startsWith("rokt health=UP ")
			.containsPattern("expiresInSeconds=35\\d\\d"));
		assertThat(lines(output)).anySatisfy((line) -> assertThat(line).startsWith("rokt metrics ")
			.contains("rokt.auth.token.requests{outcome=success,refresh=false}.count=1")
			.contains("rokt.auth.token.evictions=0"));
	}

	@Test
	void reportsRejectedEventsWithTheirCodes(CapturedOutput output) {
		int exitCode = SampleApplication.run(args());
		assertThat(exitCode).isZero();
		List<ReceivedEvent> rejected = this.standIn.receivedEvents().stream().filter((event) -> !event.accepted()).toList();
		assertThat(rejected).extracting(ReceivedEvent::clientEventId).containsExactly("conv-00087", "conv-00203");
		for (ReceivedEvent event : rejected) {
			assertThat(output.getOut())
				.contains("rejected client_event_id=" + event.clientEventId() + " code=" + event.errorCode() + " ");
		}
		assertThat(lines(output)).last().isEqualTo(BUNDLED_SUMMARY);
		assertThat(output.getOut()).doesNotContain("standin token_requests");
		assertThat(this.standIn.tokenRequests()).isEqualTo(1);
		assertThat(this.standIn.receivedEvents()).allSatisfy((event) -> {
			assertThat(event.accountId()).isEqualTo("acct-e2e");
			assertThat(event.objectData()).doesNotContainKey("email");
		});
		assertNoSecretIn(output);
	}

	@Test
	void retriesTransientServerErrorWithTheSameIdempotencyKey(CapturedOutput output) {
		this.standIn.faults().events(EventsFault.SERVER_ERROR, 1);
		int exitCode = SampleApplication.run(args());
		assertThat(exitCode).isZero();
		List<String> delivered = this.standIn.receivedBatches().stream().map(ReceivedBatch::idempotencyKey).toList();
		assertThat(delivered).hasSize(3).doesNotHaveDuplicates();
		assertThat(this.standIn.idempotencyKeys()).containsExactly(delivered.get(0), delivered.get(0), delivered.get(1),
				delivered.get(2));
		assertThat(this.standIn.receivedBatches()).extracting(ReceivedBatch::status).containsOnly(200);
		assertThat(output.getOut()).contains("batch 1/3 events=100 accepted=99 rejected=1 retries=1");
		assertThat(lines(output)).last().isEqualTo(BUNDLED_SUMMARY);
		assertNoSecretIn(output);
	}

	@Test
	void retriesRateLimitedBatch(CapturedOutput output) {
		this.standIn.faults().events(EventsFault.TOO_MANY_REQUESTS, 2);
		assertThat(SampleApplication.run(args())).isZero();
		assertThat(output.getOut()).contains("batch 1/3 events=100 accepted=99 rejected=1 retries=2");
		assertThat(lines(output)).last().isEqualTo(BUNDLED_SUMMARY);
	}

	@Test
	void exitsNonZeroWhenServerErrorPersists(CapturedOutput output) {
		this.standIn.faults().events(EventsFault.SERVER_ERROR, 4);
		int exitCode = SampleApplication.run(args());
		assertThat(exitCode).isEqualTo(1);
		assertThat(output.getOut()).contains("batch 1/3 events=100 FAILED after 4 attempts: HTTP 500");
		assertThat(lines(output)).last().isEqualTo("sent=250 accepted=149 rejected=1 batches=3");
		assertThat(this.standIn.receivedBatches()).hasSize(2);
		assertNoSecretIn(output);
	}

	@Test
	void exitsNonZeroWithoutSendingWhenFileIsMalformed(@TempDir Path dir, CapturedOutput output) throws IOException {
		Path input = Files.writeString(dir.resolve("conversions.csv"),
				"client_event_id,email,amount\nc-1,a@example.com,10\nc-2,b@example.com,ten\n");
		int exitCode = SampleApplication.run(args("--input=" + input));
		assertThat(exitCode).isEqualTo(2);
		assertThat(output.getErr()).contains(input + " line 3, column amount: 'ten' is not a number; nothing was sent");
		assertThat(output.getOut()).doesNotContain("sent=");
		assertThat(this.standIn.idempotencyKeys()).isEmpty();
		assertThat(this.standIn.tokenRequests()).isZero();
	}

	@Test
	void sendsOwnFileInSmallerBatches(@TempDir Path dir, CapturedOutput output) throws IOException {
		Path input = Files.writeString(dir.resolve("conversions.csv"), """
				client_event_id,email,amount,currency,last_name
				c-1,ann@example.com,10.00,usd,"Smith, Jr."
				c-2,bo@example.com,,,
				c-3,cy@example.com,3,EUR,Lee
				""");
		assertThat(SampleApplication.run(args("--input=" + input, "--batch-size=2", "--send-plain-email=true"))).isZero();
		assertThat(lines(output)).last().isEqualTo("sent=3 accepted=3 rejected=0 batches=2");
		assertThat(this.standIn.receivedEvents()).first().satisfies((event) -> {
			assertThat(event.objectData()).containsEntry("email", "ann@example.com")
				.containsEntry("emailsha256", ConversionEventMapper.emailSha256("ann@example.com"))
				.containsEntry("currency", "USD")
				.containsEntry("lastname", "Smith, Jr.");
		});
	}

	private String[] args(String... extra) {
		List<String> args = new ArrayList<>(List.of("--rokt.client-id=" + this.standIn.clientId(),
				"--rokt.client-secret=" + this.standIn.clientSecret(), "--rokt.token-uri=" + this.standIn.tokenUri(),
				"--rokt.base-url=" + this.standIn.baseUrl(), "--rokt.account-id=acct-e2e",
				"--sample.retry.first-backoff=10ms", "--sample.retry.max-backoff=50ms"));
		args.addAll(List.of(extra));
		return args.toArray(String[]::new);
	}

	private void assertNoSecretIn(CapturedOutput output) {
		assertThat(this.standIn.tokensIssued()).isPositive();
		assertThat(output).doesNotContain(this.standIn.clientSecret(), "Bearer", STAND_IN_TOKEN_START);
	}

	private static List<String> lines(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> !line.isBlank()).toList();
	}

}
