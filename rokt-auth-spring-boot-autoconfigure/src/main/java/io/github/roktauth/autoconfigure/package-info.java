/**
 * Auto-configuration of Rokt authentication.
 */
@NullMarked
package io.github.roktauth.autoconfigure;

import org.jspecify.annotations.NullMarked;
