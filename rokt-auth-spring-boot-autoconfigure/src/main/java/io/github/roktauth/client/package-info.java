/**
 * Rokt client-credentials token management and the Bearer token filter.
 */
@NullMarked
package io.github.roktauth.client;

import org.jspecify.annotations.NullMarked;
