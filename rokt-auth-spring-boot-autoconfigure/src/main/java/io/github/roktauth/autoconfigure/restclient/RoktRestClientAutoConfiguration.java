package io.github.roktauth.autoconfigure.restclient;

import java.time.Duration;

import io.github.roktauth.autoconfigure.ConditionalOnRoktAuthorizedClientManager;
import io.github.roktauth.autoconfigure.RoktAuthAutoConfiguration;
import io.github.roktauth.autoconfigure.RoktProperties;
import io.github.roktauth.autoconfigure.RoktConnections;
import io.github.roktauth.client.RoktAuthorizedClientManager;
import io.github.roktauth.client.RoktBearerClientHttpRequestInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * of a {@code roktRestClient} built from Spring Boot's {@link RestClient.Builder}, for
 * applications that do not use WebClient. It shares the token cache and the rules of
 * {@code roktWebClient}. Its beans are not default candidates: inject them by name.
 */
@AutoConfiguration(after = { RoktAuthAutoConfiguration.class, RestClientAutoConfiguration.class })
@ConditionalOnClass({ RestClient.class, RestClientAutoConfiguration.class })
@ConditionalOnRoktAuthorizedClientManager
public final class RoktRestClientAutoConfiguration {

	@Bean(defaultCandidate = false)
	@ConditionalOnMissingBean(name = "roktClientHttpRequestInterceptor")
	RoktBearerClientHttpRequestInterceptor roktClientHttpRequestInterceptor(
			@Qualifier("roktAuthorizedClientManager") RoktAuthorizedClientManager manager, RoktProperties properties) {
		return new RoktBearerClientHttpRequestInterceptor(manager,
				RoktConnections.tokenOrigins(properties), tokenWait(properties));
	}

	@Bean(defaultCandidate = false)
	@ConditionalOnMissingBean(name = "roktRestClient")
	RestClient roktRestClient(ObjectProvider<RestClient.Builder> restClientBuilder,
			@Qualifier("roktClientHttpRequestInterceptor") ClientHttpRequestInterceptor interceptor,
			RoktProperties properties, ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		// Boot's builder is absent in reactive web applications.
		RestClient.Builder builder = restClientBuilder.getIfAvailable(RestClient::builder);
		HttpClientSettings settings = RoktConnections.apiCalls(properties, httpClientSettings, sslBundles);
		builder.requestFactory(requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect).build(settings));
		return builder.baseUrl(properties.getBaseUrl().toString()).requestInterceptor(interceptor).build();
	}

	// Long enough for one token fetch with all its attempts and backoffs.
	private static Duration tokenWait(RoktProperties properties) {
		RoktProperties.Token token = properties.getToken();
		int attempts = Math.max(1, token.getMaxAttempts());
		return token.getResponseTimeout()
			.multipliedBy(attempts)
			.plus(token.getMaxBackoff().multipliedBy(attempts - 1))
			.plusSeconds(1);
	}

}
