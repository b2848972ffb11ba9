package io.downline.platform.testing;

import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Real signed access tokens for tests, with the roles in the {@code groups} claim. */
public final class Tokens {

    static final String ISSUER = "https://server.example.com";

    private Tokens() {
    }

    /** A token for the OIDC subject with the given realm roles. */
    public static String of(String subject, String... roles) {
        return withEmail(subject, subject + "@example.com", roles);
    }

    /** A token whose verified {@code email} claim is the given address, as Keycloak issues it. */
    public static String withEmail(String subject, String email, String... roles) {
        return Jwt.preferredUserName(subject)
                .subject(subject)
                .claim("email", email)
                .claim("email_verified", true)
                .groups(Set.of(roles))
                .issuer(ISSUER)
                .audience("https://service.example.com")
                .expiresIn(3600)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }

    public static String member(String subject) {
        return of(subject, "member");
    }

    public static String admin(String subject) {
        return of(subject, "admin");
    }
}
