package io.downline.platform.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

/**
 * Real signed access tokens for tests, shaped like Keycloak's: realm roles in {@code realm_access.roles},
 * {@code aud} the API's audience, {@code azp} the client that asked for the token, and a verified
 * {@code email}. quarkus-oidc checks them exactly as it checks production tokens (signature, issuer,
 * audience, expiry), so the tests prove the production mapping.
 *
 * <pre>
 * Tokens.member("sub-1");                                    // role member, email sub-1@example.com
 * Tokens.member("sub-1", "ada@example.org");                 // role member, that verified email
 * Tokens.builder("sub-2").roles("finance").email(null).sign(); // no email claim at all
 * </pre>
 */
public final class Tokens {

    static final String ISSUER = "https://server.example.com";
    /** The audience the API checks ({@code quarkus.oidc.token.audience}), as Keycloak's audience mapper sets it. */
    public static final String AUDIENCE = "downline-api";
    /** The client the tokens were issued to (Keycloak's {@code azp}), the suite's web front end. */
    public static final String CLIENT = "downline-web";

    private Tokens() {
    }

    /** A token for the OIDC subject with the given realm roles. */
    public static String of(String subject, String... roles) {
        return builder(subject).roles(roles).sign();
    }

    /** A token whose verified {@code email} claim is the given address, as Keycloak issues it. */
    public static String withEmail(String subject, String email, String... roles) {
        return builder(subject).roles(roles).email(email).sign();
    }

    public static String member(String subject) {
        return of(subject, "member");
    }

    public static String member(String subject, String email) {
        return withEmail(subject, email, "member");
    }

    public static String admin(String subject) {
        return of(subject, "admin");
    }

    /** A token to shape claim by claim; starts as a role-less token with email {@code <subject>@example.com}. */
    public static Builder builder(String subject) {
        return new Builder(subject);
    }

    public static final class Builder {

        private final String subject;
        private List<String> roles = List.of();
        private String email;
        private boolean emailVerified = true;
        private String audience = AUDIENCE;
        private String issuer = ISSUER;
        private Duration lifetime = Duration.ofHours(1);

        private Builder(String subject) {
            this.subject = subject;
            this.email = subject + "@example.com";
        }

        /** Realm roles, in {@code realm_access.roles}. */
        public Builder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        /** The {@code email} claim; null leaves the claim (and {@code email_verified}) out. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder emailVerified(boolean verified) {
            this.emailVerified = verified;
            return this;
        }

        /** Another {@code aud}, e.g. a token meant for a different API. */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Time to expiry; a negative duration gives an expired token. */
        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        public String sign() {
            var claims = Jwt.claims()
                    .issuer(issuer)
                    .subject(subject)
                    .audience(audience)
                    .claim("azp", CLIENT)
                    .claim("typ", "Bearer")
                    .claim("jti", UUID.randomUUID().toString())
                    .claim("preferred_username", subject)
                    .claim("scope", "openid email profile")
                    .claim("realm_access", Map.of("roles", roles))
                    .expiresIn(lifetime.toSeconds());
            if (email != null) {
                claims.claim("email", email).claim("email_verified", emailVerified);
            }
            return claims.jws().keyId("1").sign("privateKey.jwk");
        }
    }
}
