package io.downline.platform.security;

import java.util.Optional;

/**
 * Which member an OIDC subject logs in as. user-service answers from its own members; the other services
 * from the platform's member projection of {@code users.events.v1}.
 */
public interface MemberDirectory {

    Optional<MemberIdentity> find(String oidcSubject);
}
