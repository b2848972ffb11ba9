package io.downline.notification.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.notification.domain.Draft;
import io.downline.notification.domain.NotificationRules;
import io.downline.notification.repository.ContactRepository;
import io.downline.notification.repository.FiguresRepository;
import io.downline.notification.repository.TeamRepository;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.inbox.BatchHandler;
import io.downline.platform.inbox.WaitingFor;

/**
 * Consumed events: keep what the service needs of each, in order, then make their notifications together. One
 * event is a batch of one, so a batch and the same events one by one have the same effect (and take their locks
 * in the same order: the streams sorted by name, then the figures row).
 */
@ApplicationScoped
public class EventNotifications implements BatchHandler {

    private final Projections projections;
    private final Notifier notifier;
    private final ContactRepository contacts;
    private final TeamRepository teams;
    private final FiguresRepository figures;
    private final Clock clock;

    public EventNotifications(Projections projections, Notifier notifier, ContactRepository contacts,
            TeamRepository teams, FiguresRepository figures, Clock clock) {
        this.projections = projections;
        this.notifier = notifier;
        this.contacts = contacts;
        this.teams = teams;
        this.figures = figures;
        this.clock = clock;
    }

    @Override
    public void apply(EventEnvelope event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<EventEnvelope> events) {
        ContactBook book = new ContactBook(contacts);
        book.warm(events.stream().map(EventEnvelope::data).toList());
        FigureTotals totals = new FigureTotals();
        List<Notifier.Made> made = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            EventType type = EventType.find(event.type()).orElse(null);
            if (type == null) {
                made.add(new Notifier.Made(event, List.of()));
                continue;
            }
            // Read once: the projections and the rules both need the payload.
            EventPayload payload = event.payload(type.payloadClass());
            projections.apply(type, payload, totals);
            if (type == EventType.MEMBER_PROFILE_UPDATED) {
                book.forget();
            }
            made.add(new Notifier.Made(event, drafts(type, payload, book)));
        }
        notifier.store(made, book);
        totals.writeTo(figures, clock.instant());
    }

    private List<Draft> drafts(EventType type, EventPayload payload, ContactBook book) {
        return NotificationRules.draftsFor(type, payload, new NotificationRules.Names() {
            @Override
            public String memberName(UUID memberId) {
                return book.find(memberId).orElseThrow(() -> new WaitingFor("member", memberId)).name();
            }

            @Override
            public String teamName(UUID teamId) {
                return teams.name(teamId).orElseThrow(() -> new WaitingFor("team", teamId));
            }
        });
    }
}
