package io.github.roktauth.test;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What the token endpoint does instead of, or before, answering normally.
 *
 * @param fault the failure to answer with, or {@code null} to answer normally
 * @param delay how long to wait before answering
 */
record PlannedTokenFault(@Nullable TokenFault fault, Duration delay) {

}
