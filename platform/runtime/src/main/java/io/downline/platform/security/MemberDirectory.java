package io.downline.platform.security;

import java.util.Optional;
import java.util.UUID;

/**
 * Which member an OIDC subject logs in as. Each service implements it over what it owns (user-service
 * over its members, the others over their projection of {@code member.registered}).
 */
public interface MemberDirectory {

    Optional<UUID> memberIdOf(String oidcSubject);
}
