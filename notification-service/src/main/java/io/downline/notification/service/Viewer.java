package io.downline.notification.service;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Who holds a socket: the member they log in as (if registered) and their realm roles. */
public record Viewer(String subject, Optional<UUID> memberId, Set<String> roles) {

    public Viewer {
        roles = Set.copyOf(roles);
    }
}
