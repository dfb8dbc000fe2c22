package io.github.roktauth.test;

import java.util.List;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

/**
 * A WireMock {@link MappingsSource} that keeps the stand-in from loading or saving stub files
 * (a project's own {@code src/test/resources/mappings} must not change how Rokt behaves).
 */
final class NoMappings implements MappingsSource {

	@Override
	public void loadMappingsInto(StubMappings stubMappings) {
	}

	@Override
	public void save(List<StubMapping> stubMappings) {
	}

	@Override
	public void save(StubMapping stubMapping) {
	}

	@Override
	public void remove(StubMapping stubMapping) {
	}

	@Override
	public void removeAll() {
	}

}
