package io.github.roktauth.test;

import com.github.tomakehurst.wiremock.common.Notifier;

/**
 * A WireMock {@link Notifier} that says nothing: the stand-in's state is its report.
 */
final class QuietNotifier implements Notifier {

	@Override
	public void info(String message) {
	}

	@Override
	public void error(String message) {
	}

	@Override
	public void error(String message, Throwable cause) {
	}

}
