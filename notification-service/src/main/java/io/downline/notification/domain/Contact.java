package io.downline.notification.domain;

import java.util.Locale;
import java.util.UUID;

/** How to address a member: their name, e-mail address and language. */
public record Contact(UUID memberId, String email, String name, Locale locale) {
}
