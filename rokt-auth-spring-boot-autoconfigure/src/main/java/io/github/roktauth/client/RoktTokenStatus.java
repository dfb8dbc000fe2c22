package io.github.roktauth.client;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What {@link RoktAuthorizedClientManager} holds right now, read without calling Rokt.
 *
 * @param expiresAt expiry of the held token, {@code null} when none is held
 * @param lastFailure the last token fetch failure since the last success, if any
 */
public record RoktTokenStatus(@Nullable Instant expiresAt, @Nullable RoktAuthenticationException lastFailure) {

}
