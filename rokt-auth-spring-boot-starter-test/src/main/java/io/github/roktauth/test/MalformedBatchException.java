package io.github.roktauth.test;

/**
 * Thrown when an Event API body cannot be decoded into Rokt's request shape.
 */
final class MalformedBatchException extends Exception {

	private static final long serialVersionUID = 1L;

	MalformedBatchException(String message) {
		super(message, null, false, false);
	}

}
