/**
 * Auto-configuration of a Rokt {@code RestClient} for servlet and batch applications.
 */
@NullMarked
package io.github.roktauth.autoconfigure.restclient;

import org.jspecify.annotations.NullMarked;
