package io.downline.platform.security;

import java.util.UUID;

/**
 * The member an OIDC subject logs in as, and whether their membership is restricted (suspended or
 * terminated): a restricted member may read their own profile and change nothing.
 */
public record MemberIdentity(UUID memberId, boolean restricted) {
}
