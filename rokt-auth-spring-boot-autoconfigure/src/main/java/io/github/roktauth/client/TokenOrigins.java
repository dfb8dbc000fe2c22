package io.github.roktauth.client;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The origins (scheme, host and port) that may receive the Rokt token.
 */
public final class TokenOrigins {

	private final Set<String> origins;

	private TokenOrigins(Set<String> origins) {
		this.origins = origins;
	}

	/**
	 * Origins of the given URLs; only scheme, host and port of each count.
	 * @param baseUrl the Rokt API base URL
	 * @param others further trusted origins
	 * @return the origins
	 */
	public static TokenOrigins of(URI baseUrl, Collection<URI> others) {
		return new TokenOrigins(Stream.concat(Stream.of(baseUrl), others.stream())
			.map(TokenOrigins::origin)
			.collect(Collectors.toUnmodifiableSet()));
	}

	/**
	 * Origins of the given URLs.
	 * @param urls the URLs
	 * @return the origins
	 */
	public static TokenOrigins of(URI... urls) {
		return new TokenOrigins(Stream.of(urls).map(TokenOrigins::origin).collect(Collectors.toUnmodifiableSet()));
	}

	/**
	 * Whether a request to this URL may carry the token.
	 * @param url the request URL
	 * @return {@code true} if its scheme, host and port are those of a trusted origin
	 */
	public boolean matches(URI url) {
		return url.getHost() != null && this.origins.contains(origin(url));
	}

	List<String> asList() {
		return this.origins.stream().sorted().toList();
	}

	private static String origin(URI url) {
		String scheme = lower(url.getScheme());
		int port = (url.getPort() != -1) ? url.getPort() : defaultPort(scheme);
		return scheme + "://" + lower(url.getHost()) + ":" + port;
	}

	private static String lower(@Nullable String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : "";
	}

	private static int defaultPort(String scheme) {
		return switch (scheme) {
			case "https" -> 443;
			case "http" -> 80;
			default -> -1;
		};
	}

	@Override
	public String toString() {
		return "TokenOrigins" + asList();
	}

}
