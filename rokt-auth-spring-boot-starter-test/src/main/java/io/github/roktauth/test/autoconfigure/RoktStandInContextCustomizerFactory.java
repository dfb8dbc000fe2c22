package io.github.roktauth.test.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * {@link ContextCustomizerFactory} for tests annotated with {@link AutoConfigureRoktStandIn}.
 */
final class RoktStandInContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureRoktStandIn annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureRoktStandIn.class);
		return (annotation != null) ? RoktStandInContextCustomizer.of(annotation) : null;
	}

}
