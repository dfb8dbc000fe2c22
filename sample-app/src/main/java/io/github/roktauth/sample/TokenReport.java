package io.github.roktauth.sample;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Describes the starter's view of the Rokt token after a run: its health and its metrics.
 */
@Component
final class TokenReport {

	private final ObjectProvider<HealthIndicator> health;

	private final ObjectProvider<MeterRegistry> meters;

	TokenReport(@Qualifier("roktHealthIndicator") ObjectProvider<HealthIndicator> health,
			ObjectProvider<MeterRegistry> meters) {
		this.health = health;
		this.meters = meters;
	}

	/**
	 * Return one line for the token's health, e.g. {@code rokt health=UP expiresInSeconds=3599}.
	 * @return the line, or an empty string when the health indicator is off
	 */
	String healthLine() {
		HealthIndicator indicator = this.health.getIfAvailable();
		if (indicator == null) {
			return "";
		}
		Health health = indicator.health(true);
		String details = new TreeMap<>(health.getDetails()).entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining(" "));
		return "rokt health=" + health.getStatus() + (details.isEmpty() ? "" : " " + details);
	}

	/**
	 * Return one line with every {@code rokt.auth.*} meter, e.g.
	 * {@code rokt metrics rokt.auth.token.requests{outcome=success,refresh=false}.count=1 ...}.
	 * @return the line, or an empty string without a meter registry
	 */
	String metricsLine() {
		MeterRegistry registry = this.meters.getIfAvailable();
		if (registry == null) {
			return "";
		}
		Map<String, Double> values = new TreeMap<>();
		for (Meter meter : registry.getMeters()) {
			Meter.Id id = meter.getId();
			if (id.getName().startsWith("rokt.auth.")) {
				String tags = id.getTags()
					.stream()
					.map((tag) -> tag.getKey() + "=" + tag.getValue())
					.collect(Collectors.joining(",", "{", "}"));
				String name = id.getName() + (tags.equals("{}") ? "" : tags);
				if (meter instanceof Timer timer) {
					values.put(name + ".count", (double) timer.count());
					values.put(name + ".totalMs", timer.totalTime(TimeUnit.MILLISECONDS));
				}
				else {
					meter.measure().forEach((measurement) -> values.put(name, measurement.getValue()));
				}
			}
		}
		return "rokt metrics " + values.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + Math.round(entry.getValue()))
			.collect(Collectors.joining(" "));
	}

}
