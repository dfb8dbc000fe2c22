package io.github.roktauth.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Thrown when a Rokt access token cannot be obtained. The message says what happened and
 * what to check; it never contains the client secret or a token.
 */
public class RoktAuthenticationException extends ClientAuthorizationException {

	private final Reason reason;

	private final @Nullable Integer httpStatus;

	private final transient @Nullable Duration retryAfter;

	public RoktAuthenticationException(Reason reason, String registrationId, String message,
			@Nullable Integer httpStatus, @Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(new OAuth2Error(reason.errorCode()), registrationId, message, cause);
		this.reason = reason;
		this.httpStatus = httpStatus;
		this.retryAfter = retryAfter;
	}

	/**
	 * Return a copy for one caller: a failure shared by every waiting caller would collect
	 * each caller's suppressed exceptions (for example from {@code block()}).
	 * @return a new exception with the same reason, status, message and cause
	 */
	RoktAuthenticationException forCaller() {
		return new RoktAuthenticationException(this.reason, getClientRegistrationId(), getMessage(), this.httpStatus,
				this.retryAfter, getCause());
	}

	/**
	 * Return what kind of failure this is.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Return the HTTP status the token endpoint answered with, if it answered.
	 * @return the status or {@code null}
	 */
	public @Nullable Integer getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * Return the delay the token endpoint asked for in a {@code Retry-After} header.
	 * @return the delay or {@code null}
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whether another attempt could succeed without a change of configuration.
	 * @return {@code true} for I/O errors, {@code 5xx} and {@code 429} answers
	 */
	public boolean isTransient() {
		return this.reason.isTransient() || (this.httpStatus != null && (this.httpStatus >= 500 || this.httpStatus == 429));
	}

	/**
	 * Kinds of token fetch failure.
	 */
	public enum Reason {

		/** Rokt refused the client ID or secret. */
		INVALID_CLIENT("invalid_client", false),

		/** Rokt answered with an OAuth2 error other than {@code invalid_client}. */
		OAUTH_ERROR("oauth_error", false),

		/** Rokt answered with an HTTP error status without an OAuth2 error. */
		HTTP_STATUS("http_status", false),

		/** The answer was not a usable JSON token response. */
		INVALID_RESPONSE("invalid_response", false),

		/** The token endpoint did not answer in time. */
		TIMEOUT("timeout", false),

		/** The token endpoint could not be reached or the connection failed. */
		IO_ERROR("io_error", true);

		private final String errorCode;

		private final boolean transientFailure;

		Reason(String errorCode, boolean transientFailure) {
			this.errorCode = errorCode;
			this.transientFailure = transientFailure;
		}

		/**
		 * Return the short code used in health details and metrics.
		 * @return the code
		 */
		public String errorCode() {
			return this.errorCode;
		}

		boolean isTransient() {
			return this.transientFailure;
		}

	}

}
