package io.github.roktauth.autoconfigure;

import io.github.roktauth.client.RoktAuthorizedClientManager;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Condition behind {@link ConditionalOnRoktAuthorizedClientManager}.
 */
// A user's roktAuthorizedClientManager may be any ReactiveOAuth2AuthorizedClientManager;
// the integrations need Rokt's token cache.
class OnRoktAuthorizedClientManagerCondition extends SpringBootCondition implements ConfigurationCondition {

	static final String BEAN_NAME = "roktAuthorizedClientManager";

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnRoktAuthorizedClientManager.class);
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (beanFactory == null || !beanFactory.containsBean(BEAN_NAME)) {
			return ConditionOutcome.noMatch(message.didNotFind("bean").items(BEAN_NAME));
		}
		if (!beanFactory.isTypeMatch(BEAN_NAME, RoktAuthorizedClientManager.class)) {
			return ConditionOutcome.noMatch(message.because(BEAN_NAME + " is not a "
					+ RoktAuthorizedClientManager.class.getSimpleName()));
		}
		return ConditionOutcome.match(message.found("bean").items(BEAN_NAME));
	}

}
