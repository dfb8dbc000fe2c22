/**
 * Command-line tool that sends a CSV file of conversions to Rokt's Event API through the starter's
 * {@code roktWebClient}.
 */
@NullMarked
package io.github.roktauth.sample;

import org.jspecify.annotations.NullMarked;
