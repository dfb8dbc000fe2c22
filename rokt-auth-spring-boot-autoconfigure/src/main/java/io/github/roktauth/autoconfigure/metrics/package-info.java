/**
 * Micrometer metrics of the Rokt token.
 */
@NullMarked
package io.github.roktauth.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
