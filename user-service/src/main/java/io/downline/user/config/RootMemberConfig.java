package io.downline.user.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The root (company) member every sponsor tree starts from. */
@ConfigMapping(prefix = "downline.root")
public interface RootMemberConfig {

    String email();

    String name();

    String country();

    String referralCode();

    /** The OIDC subject that logs in as the company member, if any. */
    Optional<String> oidcSubject();
}
