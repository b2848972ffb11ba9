package io.downline.platform.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * A WireMock OIDC provider that publishes a JWKS, so quarkus-oidc validates real RS256-signed tokens
 * (made with {@link Tokens}) exactly as it would Keycloak's: issuer, audience and signature are checked, and
 * roles come from {@code realm_access.roles} by quarkus-oidc's default mapping.
 */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    private final OidcWiremockTestResource delegate = new OidcWiremockTestResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(delegate.start());
        String keycloakUrl = config.get("keycloak.url");
        config.put("quarkus.oidc.auth-server-url", keycloakUrl + "/realms/quarkus/");
        config.put("quarkus.oidc.client-id", Tokens.AUDIENCE);
        config.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
        config.put("quarkus.oidc.token.audience", Tokens.AUDIENCE);
        return config;
    }

    @Override
    public void stop() {
        delegate.stop();
    }
}
