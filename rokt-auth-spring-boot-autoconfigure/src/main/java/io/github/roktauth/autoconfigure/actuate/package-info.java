/**
 * Auto-configuration that keeps Rokt secrets out of actuator endpoints.
 */
@NullMarked
package io.github.roktauth.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
