package io.github.roktauth.sample;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/** Command-line tool that sends a CSV file of conversions to Rokt's Event API. */
@SpringBootApplication(proxyBeanMethods = false)
@EnableConfigurationProperties(SampleProperties.class)
public final class SampleApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ConversionCsvReader conversionCsvReader(Clock clock) {
		return new ConversionCsvReader(clock);
	}

	@Bean
	RoktEventSender roktEventSender(@Qualifier("roktWebClient") WebClient roktWebClient,
			@Value("${rokt.account-id:}") String accountId, SampleProperties properties) {
		return new RoktEventSender(roktWebClient, accountId, properties.getRetry(), properties.getRequestTimeout());
	}

	/**
	 * Run the tool and exit the JVM with its exit code.
	 * @param args command-line arguments, such as {@code --input=conversions.csv}
	 */
	public static void main(String[] args) {
		System.exit(run(args));
	}

	/**
	 * Run the tool and return its exit code, leaving the JVM running.
	 * @param args command-line arguments
	 * @return 0 on success, 1 when a batch failed for good, 2 when nothing could be sent
	 */
	public static int run(String... args) {
		return SpringApplication.exit(SpringApplication.run(SampleApplication.class, args));
	}

}
