package io.github.roktauth.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.roktauth.client.RoktAuthorizedClientManager;

import org.springframework.context.annotation.Conditional;

/**
 * {@link Conditional @Conditional} that matches when the bean named
 * {@code roktAuthorizedClientManager} is a {@link RoktAuthorizedClientManager}, the
 * token cache that the optional integrations (health, metrics, RestClient) read.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnRoktAuthorizedClientManagerCondition.class)
public @interface ConditionalOnRoktAuthorizedClientManager {

}
