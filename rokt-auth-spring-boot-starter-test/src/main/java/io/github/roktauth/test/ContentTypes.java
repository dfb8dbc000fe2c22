package io.github.roktauth.test;

import org.jspecify.annotations.Nullable;

/**
 * Compares a {@code Content-Type} header with a media type, the way HTTP does: ignoring case
 * and parameters such as {@code charset}.
 */
final class ContentTypes {

	private ContentTypes() {
	}

	static boolean is(@Nullable String contentType, String mediaType) {
		if (contentType == null) {
			return false;
		}
		int parameters = contentType.indexOf(';');
		String type = (parameters >= 0) ? contentType.substring(0, parameters) : contentType;
		return type.trim().equalsIgnoreCase(mediaType);
	}

}
