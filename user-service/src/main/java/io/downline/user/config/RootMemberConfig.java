package io.downline.user.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The root (company) member every sponsor tree starts from. */
@ConfigMapping(prefix = "downline.root")
public interface RootMemberConfig {

    /**
     * The root's subject when no login is configured for the company: every {@code member.registered} carries a
     * subject, and no identity provider issues this one ({@code system:} is the platform's actor prefix).
     */
    String SYNTHETIC_SUBJECT = "system:root";

    String email();

    String name();

    String country();

    String referralCode();

    /** The OIDC subject that logs in as the company member, if any; else {@link #SYNTHETIC_SUBJECT}. */
    Optional<String> oidcSubject();

    default String subjectOrSynthetic() {
        return oidcSubject().filter(subject -> !subject.isBlank()).orElse(SYNTHETIC_SUBJECT);
    }
}
