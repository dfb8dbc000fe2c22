package io.github.roktauth.client;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * Token request headers as Rokt expects them: {@code Basic base64(UTF-8 bytes of
 * client_id:client_secret)}, form content type, JSON accepted.
 */
final class RoktTokenRequestHeadersConverter implements Converter<OAuth2ClientCredentialsGrantRequest, HttpHeaders> {

	private static final MediaType FORM_UTF8 = new MediaType(MediaType.APPLICATION_FORM_URLENCODED, StandardCharsets.UTF_8);

	@Override
	public HttpHeaders convert(OAuth2ClientCredentialsGrantRequest grantRequest) {
		ClientRegistration registration = grantRequest.getClientRegistration();
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		headers.setContentType(FORM_UTF8);
		// Spring's DefaultOAuth2TokenRequestHeadersConverter encodes raw credentials as ISO-8859-1; Rokt wants UTF-8.
		headers.setBasicAuth(HttpHeaders.encodeBasicAuth(registration.getClientId(),
				String.valueOf(registration.getClientSecret()), StandardCharsets.UTF_8));
		return headers;
	}

}
