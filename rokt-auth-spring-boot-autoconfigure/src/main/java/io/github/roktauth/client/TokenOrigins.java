package io.github.roktauth.client;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The origins (scheme, host and port) that may receive the Rokt token.
 */
public final class TokenOrigins {

	private final Origin[] origins;

	private TokenOrigins(Stream<URI> urls) {
		this.origins = urls.map(Origin::of).distinct().toArray(Origin[]::new);
	}

	/**
	 * Origins of the given URLs; only scheme, host and port of each count.
	 * @param baseUrl the Rokt API base URL
	 * @param others further trusted origins
	 * @return the origins
	 */
	public static TokenOrigins of(URI baseUrl, Collection<URI> others) {
		return new TokenOrigins(Stream.concat(Stream.of(baseUrl), others.stream()));
	}

	/**
	 * Origins of the given URLs.
	 * @param urls the URLs
	 * @return the origins
	 */
	public static TokenOrigins of(URI... urls) {
		return new TokenOrigins(Stream.of(urls));
	}

	/**
	 * Whether a request to this URL may carry the token.
	 * @param url the request URL
	 * @return {@code true} if its scheme, host and port are those of a trusted origin
	 */
	public boolean matches(URI url) {
		String host = url.getHost();
		String scheme = url.getScheme();
		if (host == null || scheme == null) {
			return false;
		}
		// Compared field by field: this runs on every request, so it allocates nothing.
		for (Origin origin : this.origins) {
			if (origin.scheme.equalsIgnoreCase(scheme) && origin.host.equalsIgnoreCase(host)
					&& origin.port == port(scheme, url.getPort())) {
				return true;
			}
		}
		return false;
	}

	List<String> asList() {
		return Stream.of(this.origins).map(Origin::toString).sorted().toList();
	}

	private static int port(String scheme, int port) {
		if (port != -1) {
			return port;
		}
		if ("https".equalsIgnoreCase(scheme)) {
			return 443;
		}
		return "http".equalsIgnoreCase(scheme) ? 80 : -1;
	}

	@Override
	public String toString() {
		return "TokenOrigins" + asList();
	}

	private record Origin(String scheme, String host, int port) {

		static Origin of(URI url) {
			String scheme = lower(url.getScheme());
			return new Origin(scheme, lower(url.getHost()), TokenOrigins.port(scheme, url.getPort()));
		}

		private static String lower(@Nullable String value) {
			return (value != null) ? value.toLowerCase(Locale.ROOT) : "";
		}

		@Override
		public String toString() {
			return this.scheme + "://" + this.host + ":" + this.port;
		}

	}

}
