/**
 * Actuator health of the Rokt token.
 */
@NullMarked
package io.github.roktauth.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
