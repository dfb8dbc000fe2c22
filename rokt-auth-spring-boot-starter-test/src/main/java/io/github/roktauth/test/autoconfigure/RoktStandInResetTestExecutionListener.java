package io.github.roktauth.test.autoconfigure;

import io.github.roktauth.test.RoktStandIn;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * Resets the {@link RoktStandIn} of an {@link AutoConfigureRoktStandIn} test before each test
 * method, so that counts, recorded events, faults and tokens do not leak between tests.
 */
final class RoktStandInResetTestExecutionListener implements TestExecutionListener, Ordered {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (!TestContextAnnotationUtils.hasAnnotation(testContext.getTestClass(), AutoConfigureRoktStandIn.class)
				|| !testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (context.containsBean(RoktStandInContextCustomizer.BEAN_NAME)) {
			context.getBean(RoktStandInContextCustomizer.BEAN_NAME, RoktStandIn.class).reset();
		}
	}

}
