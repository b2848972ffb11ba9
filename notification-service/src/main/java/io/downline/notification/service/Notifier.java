package io.downline.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.downline.notification.config.NotificationConfig;
import io.downline.notification.domain.Contact;
import io.downline.notification.domain.Draft;
import io.downline.notification.domain.Notification;
import io.downline.notification.domain.Preference;
import io.downline.notification.domain.Recipient;
import io.downline.notification.domain.RoomName;
import io.downline.notification.domain.Templates;
import io.downline.notification.repository.ContactRepository;
import io.downline.notification.repository.EmailOutboxRepository;
import io.downline.notification.repository.NotificationRepository;
import io.downline.notification.repository.PreferenceRepository;
import io.downline.notification.repository.TeamRepository;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.inbox.WaitingFor;

/**
 * Turns drafts into stored notifications: expands recipients to streams, applies each member's preferences,
 * numbers each stream, writes the e-mails asked for, and announces every notification to all replicas
 * (PostgreSQL NOTIFY, delivered at commit). All in the consumer's transaction.
 */
@ApplicationScoped
public class Notifier {

    private record Target(RoomName room, UUID memberId, Contact contact) {
    }

    private final ContactRepository contacts;
    private final TeamRepository teams;
    private final PreferenceRepository preferences;
    private final NotificationRepository notifications;
    private final EmailOutboxRepository mails;
    private final ObjectMapper json;
    private final Clock clock;
    private final Locale defaultLocale;

    public Notifier(ContactRepository contacts, TeamRepository teams, PreferenceRepository preferences,
            NotificationRepository notifications, EmailOutboxRepository mails, ObjectMapper json, Clock clock,
            NotificationConfig config) {
        this.contacts = contacts;
        this.teams = teams;
        this.preferences = preferences;
        this.notifications = notifications;
        this.mails = mails;
        this.json = json;
        this.clock = clock;
        this.defaultLocale = Locale.forLanguageTag(config.defaultLocale());
    }

    public List<Notification> store(EventEnvelope event, List<Draft> drafts) {
        List<Target> targets = new ArrayList<>();
        List<Draft> forTarget = new ArrayList<>();
        for (Draft draft : drafts) {
            for (Target target : expand(draft.recipient())) {
                targets.add(target);
                forTarget.add(draft);
            }
        }
        List<Notification> stored = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            store(event, forTarget.get(i), targets.get(i)).ifPresent(stored::add);
        }
        return stored;
    }

    private Optional<Notification> store(EventEnvelope event, Draft draft, Target target) {
        Preference preference = target.memberId() == null ? Preference.standard(draft.type())
                : preferences.find(target.memberId(), draft.type()).orElse(Preference.standard(draft.type()));
        String room = target.room().toString();
        if (preference.muted() || notifications.exists(event.id(), room, draft.type().code())) {
            return Optional.empty();
        }
        Locale locale = target.contact() == null ? defaultLocale : target.contact().locale();
        Templates.Text text = Templates.render(draft.type(), locale, draft.params());
        Instant now = clock.instant();
        Notification notification = new Notification(UUID.randomUUID(), room, notifications.nextSequence(room),
                target.memberId(), draft.type().code(), text.title(), text.body(), Templates.shortened(draft.params()),
                event.id(),
                event.type(), now, null);
        notifications.insert(notification);
        notifications.announce(write(Delivery.of(notification, event.time())));
        if (preference.email() && target.contact() != null) {
            mails.add(notification.id(), target.contact().email(), text.title(), text.body(), now);
        }
        return Optional.of(notification);
    }

    private List<Target> expand(Recipient recipient) {
        if (recipient instanceof Recipient.Member m) {
            Contact contact = contacts.find(m.memberId()).orElseThrow(() -> new WaitingFor("member", m.memberId()));
            return List.of(new Target(RoomName.member(m.memberId()), m.memberId(), contact));
        }
        if (recipient instanceof Recipient.TeamMembers t) {
            return people(t.teamId());
        }
        if (recipient instanceof Recipient.MeetingAttendees a) {
            return people(teams.teamOfMeeting(a.meetingId()).orElseThrow(() -> new WaitingFor("meeting", a.meetingId())));
        }
        return List.of(new Target(((Recipient.Room) recipient).room(), null, null));
    }

    private List<Target> people(UUID teamId) {
        if (teams.name(teamId).isEmpty()) {
            throw new WaitingFor("team", teamId);
        }
        return teams.people(teamId).stream()
                .map(id -> new Target(RoomName.member(id), id, contacts.find(id).orElse(null))).toList();
    }

    private String write(Delivery delivery) {
        try {
            return json.writeValueAsString(delivery);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
