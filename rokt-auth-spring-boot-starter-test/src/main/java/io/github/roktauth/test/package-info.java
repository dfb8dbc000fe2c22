/**
 * A faithful in-process stand-in for Rokt's token endpoint and Event API.
 */
@NullMarked
package io.github.roktauth.test;

import org.jspecify.annotations.NullMarked;
