package io.github.roktauth.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidRoktPropertiesException} into Boot's "APPLICATION FAILED TO
 * START" report naming the property and the fix.
 */
class RoktPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRoktPropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidRoktPropertiesException cause) {
		return new FailureAnalysis("Rokt is not configured correctly: " + cause.getProperty() + " " + cause.getProblem()
				+ ".", cause.getAction(), cause);
	}

}
