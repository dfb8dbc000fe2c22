/**
 * Benchmarks of the Rokt starter against a static header and stock Spring Security.
 */
@NullMarked
package io.github.roktauth.benchmarks;

import org.jspecify.annotations.NullMarked;
