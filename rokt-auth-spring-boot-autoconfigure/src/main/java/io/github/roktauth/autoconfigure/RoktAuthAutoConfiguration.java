package io.github.roktauth.autoconfigure;

import io.github.roktauth.client.RoktAuthorizedClientManager;
import io.github.roktauth.client.RoktBearerExchangeFilterFunction;
import io.github.roktauth.client.RoktTokenListener;
import io.github.roktauth.client.RoktTokenResponseClient;
import io.github.roktauth.client.RoktTokenSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.http.codec.ClientCodecConfigurer;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for calling Rokt's APIs: a client-credentials token manager for the Rokt registration,
 * a filter that adds its Bearer token, and a {@code roktWebClient}. The beans are not
 * default candidates: inject them by name so they never stand in for your own.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration" })
@ConditionalOnClass({ ReactiveOAuth2AuthorizedClientManager.class, WebClient.class })
@ConditionalOnBooleanProperty(name = "rokt.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RoktProperties.class)
public final class RoktAuthAutoConfiguration {

	/**
	 * Qualifier of a {@link ReactiveOAuth2AuthorizedClientService} bean that should store
	 * the Rokt token, for example one shared by every instance of the application.
	 */
	public static final String TOKEN_STORE_QUALIFIER = "rokt";

	@Bean(defaultCandidate = false)
	@ConditionalOnMissingBean(name = "roktAuthorizedClientManager")
	RoktAuthorizedClientManager roktAuthorizedClientManager(RoktProperties properties,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> clientHttpConnectorBuilder,
			@Qualifier(TOKEN_STORE_QUALIFIER) ObjectProvider<ReactiveOAuth2AuthorizedClientService> tokenStore,
			ObjectProvider<RoktTokenListener> listeners, ObjectProvider<SslBundles> sslBundles) {
		RoktPropertiesValidator.validate(properties);
		HttpClientSettings httpSettings = RoktConnections.tokenRequest(properties, sslBundles);
		WebClient tokenWebClient = webClientBuilder.getIfAvailable(WebClient::builder)
			.clientConnector(clientHttpConnectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect)
				.build(httpSettings))
			.codecs(RoktAuthAutoConfiguration::maskCredentialsInLogs)
			.build();
		RoktTokenSettings settings = tokenSettings(properties);
		RoktAuthorizedClientManager.Builder builder = RoktAuthorizedClientManager
			.builder(clientRegistration(properties), RoktTokenResponseClient.create(tokenWebClient, settings))
			.refreshBefore(settings.refreshBefore())
			.failureCooldown(settings.failureCooldown())
			.listeners(listeners.orderedStream().toList());
		tokenStore.ifAvailable(builder::authorizedClientService);
		return builder.build();
	}

	@Bean(defaultCandidate = false)
	@ConditionalOnMissingBean(name = "roktExchangeFilterFunction")
	@ConditionalOnRoktAuthorizedClientManager
	RoktBearerExchangeFilterFunction roktExchangeFilterFunction(
			@Qualifier("roktAuthorizedClientManager") RoktAuthorizedClientManager manager, RoktProperties properties) {
		RoktPropertiesValidator.validate(properties);
		return new RoktBearerExchangeFilterFunction(manager, RoktConnections.tokenOrigins(properties));
	}

	@Bean(defaultCandidate = false)
	@ConditionalOnMissingBean(name = "roktWebClient")
	@ConditionalOnBean(name = "roktExchangeFilterFunction")
	WebClient roktWebClient(ObjectProvider<WebClient.Builder> webClientBuilder,
			@Qualifier("roktExchangeFilterFunction") ExchangeFilterFunction filter, RoktProperties properties,
			ObjectProvider<ClientHttpConnectorBuilder<?>> clientHttpConnectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		HttpClientSettings settings = RoktConnections.apiCalls(properties, httpClientSettings, sslBundles);
		return webClientBuilder.getIfAvailable(WebClient::builder)
			.clientConnector(
					clientHttpConnectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect).build(settings))
			.baseUrl(properties.getBaseUrl().toString())
			.codecs(RoktAuthAutoConfiguration::maskCredentialsInLogs)
			.filter(filter)
			.build();
	}

	// spring.http.codecs.log-request-details would log the Basic credentials and the Bearer token.
	private static void maskCredentialsInLogs(ClientCodecConfigurer codecs) {
		codecs.defaultCodecs().enableLoggingRequestDetails(false);
	}

	private static ClientRegistration clientRegistration(RoktProperties properties) {
		return ClientRegistration.withRegistrationId(properties.getRegistrationId())
			.clientId(properties.getClientId())
			.clientSecret(properties.getClientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(properties.getTokenUri().toString())
			.build();
	}

	private static RoktTokenSettings tokenSettings(RoktProperties properties) {
		RoktProperties.Token token = properties.getToken();
		return new RoktTokenSettings(properties.getRegistrationId(), token.getRefreshBefore(),
				token.getDefaultLifetime(), token.getResponseTimeout(), token.getMaxAttempts(),
				token.getInitialBackoff(), token.getMaxBackoff(), token.getFailureCooldown());
	}

}
