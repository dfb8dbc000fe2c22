/**
 * Spring TestContext support that starts a {@link io.github.roktauth.test.RoktStandIn} for a test's
 * application context.
 */
@NullMarked
package io.github.roktauth.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
