package io.github.roktauth.autoconfigure;

import io.github.roktauth.autoconfigure.health.RoktHealthContributorAutoConfiguration;
import io.github.roktauth.autoconfigure.metrics.RoktMetricsAutoConfiguration;
import io.github.roktauth.autoconfigure.restclient.RoktRestClientAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ahead-of-time processing of an application context with the starter: the runtime hints
 * that a native image or an AOT-processed JVM run of it needs are generated. The starter
 * uses no reflection, resources or proxies of its own beyond property binding, which
 * Spring Boot's AOT support covers, so it adds no {@code RuntimeHintsRegistrar}.
 */
class RoktAotTests {

	@Test
	void generatesBindingHintsForEveryRoktPropertyGroup() {
		RuntimeHints hints = processAheadOfTime().getRuntimeHints();
		assertThat(RuntimeHintsPredicates.reflection().onType(RoktProperties.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(RoktProperties.class, "setClientId"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(RoktProperties.Token.class, "setMaxAttempts"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(RoktProperties.Ssl.class, "setBundle"))
			.accepts(hints);
	}

	@Test
	void generatesBeanDefinitionsForTheStarterAndItsIntegrations() {
		InMemoryGeneratedFiles files = (InMemoryGeneratedFiles) processAheadOfTime().getGeneratedFiles();
		assertThat(files.getGeneratedFiles(GeneratedFiles.Kind.SOURCE).keySet()).anySatisfy(
				(path) -> assertThat(path).contains("RoktAuthAutoConfiguration__BeanDefinitions"))
			.anySatisfy((path) -> assertThat(path).contains("RoktHealthContributorAutoConfiguration__BeanDefinitions"))
			.anySatisfy((path) -> assertThat(path).contains("RoktMetricsAutoConfiguration__BeanDefinitions"))
			.anySatisfy((path) -> assertThat(path).contains("RoktRestClientAutoConfiguration__BeanDefinitions"));
	}

	private DefaultGenerationContext processAheadOfTime() {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		TestPropertyValues.of("rokt.client-id=my-client", "rokt.client-secret=s3cr3t").applyTo(context);
		context.register(WebClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				RoktAuthAutoConfiguration.class, RoktHealthContributorAutoConfiguration.class,
				RoktMetricsAutoConfiguration.class, RoktRestClientAutoConfiguration.class);
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "RoktApplication")), new InMemoryGeneratedFiles());
		new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
		generationContext.writeGeneratedContent();
		return generationContext;
	}

}
