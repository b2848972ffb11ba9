package io.downline.user.service;

/**
 * A person with a login asking to join: the login's subject and verified email (from the token; null when the
 * token has no verified email), the email they typed if any (it must be the verified one), and their profile.
 */
public record Registration(String oidcSubject, String verifiedEmail, String requestedEmail, String name, String phone,
        String country, String referralCode) {
}
