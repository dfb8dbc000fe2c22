package io.github.roktauth.test;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;

/**
 * Starts the quiet, loopback-only WireMock server behind a {@link RoktStandIn}.
 */
final class StandInServer {

	private static final String LOOPBACK = "127.0.0.1";

	private StandInServer() {
	}

	static WireMockServer start(TokenEndpoint tokenEndpoint, EventsEndpoint eventsEndpoint) {
		WireMockServer server = new WireMockServer(options(tokenEndpoint, eventsEndpoint));
		server.start();
		try {
			route(server, RoktStandIn.TOKEN_PATH, TokenEndpoint.NAME);
			route(server, RoktStandIn.EVENTS_PATH, EventsEndpoint.NAME);
			server.stubFor(WireMock.any(WireMock.anyUrl())
				.atPriority(10)
				.willReturn(Responses.json(404,
						Map.of("data", Map.of("code", "NotFound", "message", "no such Rokt endpoint")))));
			return server;
		}
		catch (RuntimeException ex) {
			server.stop();
			throw ex;
		}
	}

	private static WireMockConfiguration options(Extension... extensions) {
		return WireMockConfiguration.options()
			.bindAddress(LOOPBACK)
			.dynamicPort()
			.http2PlainDisabled(true)
			.http2TlsDisabled(true)
			.containerThreads(64)
			.jettyAcceptQueueSize(2048)
			.notifier(new QuietNotifier())
			.stubRequestLoggingDisabled(true)
			.disableRequestJournal()
			.mappingSource(new NoMappings())
			.extensionScanningEnabled(false)
			.templatingEnabled(false)
			.globalTemplating(false)
			.useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
			// Rokt has no WireMock admin API: keep /__admin closed.
			.adminAuthenticator((request) -> false)
			.extensions(extensions);
	}

	private static void route(WireMockServer server, String path, String transformer) {
		server.stubFor(WireMock.any(WireMock.urlPathEqualTo(path))
			.atPriority(1)
			.willReturn(WireMock.aResponse().withTransformers(transformer)));
	}

	static String baseUrl(WireMockServer server) {
		return "http://" + LOOPBACK + ":" + server.port();
	}

}
