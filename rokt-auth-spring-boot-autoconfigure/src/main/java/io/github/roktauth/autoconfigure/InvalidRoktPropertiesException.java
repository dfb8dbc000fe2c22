package io.github.roktauth.autoconfigure;

/**
 * Thrown at startup when a {@code rokt.*} property is missing or invalid. Carries the
 * property name, the problem and the fix; never the property's value when it is secret.
 */
public class InvalidRoktPropertiesException extends IllegalStateException {

	private final String property;

	private final String problem;

	private final String action;

	InvalidRoktPropertiesException(String property, String problem, String action) {
		super(property + " " + problem + ". " + action);
		this.property = property;
		this.problem = problem;
		this.action = action;
	}

	/**
	 * Return the name of the offending property.
	 * @return the property name, for example {@code rokt.client-secret}
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return what is wrong with the property.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * Return how to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
