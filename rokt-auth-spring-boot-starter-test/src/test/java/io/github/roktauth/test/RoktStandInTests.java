package io.github.roktauth.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the lifecycle and reporting of {@link RoktStandIn}.
 */
class RoktStandInTests {

	@Test
	void listensOnLoopbackOnARandomPort() {
		try (RoktStandIn first = RoktStandIn.start(); RoktStandIn second = RoktStandIn.start()) {
			assertThat(first.port()).isPositive().isNotEqualTo(second.port());
			assertThat(first.baseUrl()).isEqualTo("http://127.0.0.1:" + first.port());
			assertThat(first.tokenUri()).isEqualTo(first.baseUrl() + "/auth/oauth2/token");
			assertThat(first.clientId()).isEqualTo("standin-client");
			assertThat(first.clientSecret()).isEqualTo("standin-secret");
			assertThat(first.lastAuthorization()).isEqualTo(AuthorizationKind.NONE);
		}
	}

	@Test
	void toStringNeverShowsTheSecretOrAToken() {
		try (RoktStandIn standIn = RoktStandIn.builder().clientSecret("s3cr3t-value").start()) {
			String token = new RawRokt(standIn).accessToken();
			assertThat(standIn.toString()).startsWith("RoktStandIn[baseUrl=" + standIn.baseUrl())
				.contains("clientId=standin-client", "tokenRequests=1", "tokensIssued=1")
				.doesNotContain("s3cr3t-value", token,
						token.substring(token.indexOf('.') + 1, token.indexOf('.') + 20));
		}
	}

	@Test
	void resetForgetsCountsEventsKeysAndFaultsButKeepsIssuedTokensValid() {
		try (RoktStandIn standIn = RoktStandIn.start()) {
			RawRokt rokt = new RawRokt(standIn);
			String token = rokt.accessToken();
			rokt.events(token, Events.batchOf(1, Instant.now()));
			standIn.faults().token(TokenFault.INVALID_CLIENT, 3);
			standIn.reset();
			assertThat(standIn.tokenRequests()).isZero();
			assertThat(standIn.tokensIssued()).isZero();
			assertThat(standIn.eventRequests()).isZero();
			assertThat(standIn.receivedEvents()).isEmpty();
			assertThat(standIn.receivedBatches()).isEmpty();
			assertThat(standIn.idempotencyKeys()).isEmpty();
			assertThat(standIn.lastAuthorization()).isEqualTo(AuthorizationKind.NONE);
			assertThat(rokt.events(token, Events.batchOf(1, Instant.now())).statusCode()).isEqualTo(200);
			standIn.expireIssuedTokens();
			assertThat(rokt.events(token, Events.batchOf(1, Instant.now())).statusCode()).isEqualTo(401);
			assertThat(rokt.accessToken()).isNotEmpty();
		}
	}

	@Test
	void returnsSnapshotsOfWhatItReceived() {
		try (RoktStandIn standIn = RoktStandIn.start()) {
			RawRokt rokt = new RawRokt(standIn);
			rokt.events(rokt.accessToken(), Events.batchOf(2, Instant.now()));
			List<ReceivedEvent> events = standIn.receivedEvents();
			rokt.events(rokt.accessToken(), Events.batchOf(2, Instant.now()));
			assertThat(events).hasSize(2);
			assertThat(standIn.receivedEvents()).hasSize(4);
			assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> events.clear());
		}
	}

	@Test
	void stopsListeningWhenClosedAndMayBeClosedTwice() throws IOException {
		RoktStandIn standIn = RoktStandIn.start();
		int port = standIn.port();
		standIn.close();
		standIn.close();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			}
		});
	}

	@Test
	void refusesSettingsRoktCouldNotHave() {
		assertThatIllegalArgumentException().isThrownBy(() -> RoktStandIn.builder().clientSecret(""));
		assertThatIllegalArgumentException().isThrownBy(() -> RoktStandIn.builder().tokenLifetime(Duration.ZERO));
	}

}
