package io.downline.notification.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.notification.domain.Draft;
import io.downline.notification.domain.Notification;
import io.downline.notification.domain.NotificationRules;
import io.downline.notification.repository.ContactRepository;
import io.downline.notification.repository.TeamRepository;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.inbox.WaitingFor;

/** One consumed event: keep what the service needs of it, then make its notifications. */
@ApplicationScoped
public class EventNotifications {

    private final Projections projections;
    private final Notifier notifier;
    private final ContactRepository contacts;
    private final TeamRepository teams;

    public EventNotifications(Projections projections, Notifier notifier, ContactRepository contacts,
            TeamRepository teams) {
        this.projections = projections;
        this.notifier = notifier;
        this.contacts = contacts;
        this.teams = teams;
    }

    public List<Notification> apply(EventEnvelope event) {
        projections.apply(event);
        List<Draft> drafts = NotificationRules.draftsFor(event, new NotificationRules.Names() {
            @Override
            public String memberName(UUID memberId) {
                return contacts.find(memberId).orElseThrow(() -> new WaitingFor("member", memberId)).name();
            }

            @Override
            public String teamName(UUID teamId) {
                return teams.name(teamId).orElseThrow(() -> new WaitingFor("team", teamId));
            }
        });
        return notifier.store(event, drafts);
    }
}
