package io.github.roktauth.sample;

import java.time.Instant;
import java.util.List;

import io.github.roktauth.test.ReceivedEvent;
import io.github.roktauth.test.RoktStandIn;
import io.github.roktauth.test.autoconfigure.AutoConfigureRoktStandIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** How a user tests their own code that calls Rokt: the stand-in is started and wired in by one annotation. */
@SpringBootTest(properties = { "sample.send-on-startup=false", "rokt.account-id=acct-1" })
@AutoConfigureRoktStandIn
class RoktStandInUsageTests {

	@Autowired
	RoktEventSender sender;

	@Autowired
	RoktStandIn standIn;

	@Test
	void sendsConversionThroughRoktWebClient() {
		RoktEvent event = new RoktEvent("order-1", "conversion", Instant.now().toString(),
				List.of(new RoktEvent.Attribute("emailsha256", ConversionEventMapper.emailSha256("ann@example.com"))));
		this.sender.send(EventBatch.split(List.of(event), 100).get(0)).block();
		assertThat(this.standIn.receivedEvents()).extracting(ReceivedEvent::clientEventId, ReceivedEvent::accepted)
			.containsExactly(tuple("order-1", true));
		assertThat(this.standIn.tokenRequests()).isEqualTo(1);
	}

}
