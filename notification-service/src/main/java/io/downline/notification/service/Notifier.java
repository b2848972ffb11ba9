package io.downline.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.downline.notification.config.NotificationConfig;
import io.downline.notification.domain.Contact;
import io.downline.notification.domain.Draft;
import io.downline.notification.domain.Notification;
import io.downline.notification.domain.NotificationType;
import io.downline.notification.domain.Preference;
import io.downline.notification.domain.Recipient;
import io.downline.notification.domain.RoomName;
import io.downline.notification.domain.Templates;
import io.downline.notification.repository.EmailOutboxRepository;
import io.downline.notification.repository.NotificationRepository;
import io.downline.notification.repository.PreferenceRepository;
import io.downline.notification.repository.TeamRepository;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.inbox.WaitingFor;

/**
 * Turns drafts into stored notifications: expands recipients to streams, applies each member's preferences,
 * numbers each stream, writes the e-mails asked for, and announces every notification to all replicas
 * (PostgreSQL NOTIFY, delivered at commit; each frame is written once, many to a payload). All in the consumer's
 * transaction; the frames are also handed, as {@link StoredFrames}, to whoever observes the transaction's success
 * (this replica's own sockets).
 */
@ApplicationScoped
public class Notifier {

    /** An event and the drafts it makes. */
    public record Made(EventEnvelope event, List<Draft> drafts) {
    }

    /** A stream a draft goes to; {@code memberId} and {@code contact} only for a member's inbox. */
    private record Stream(RoomName room, UUID memberId, Contact contact) {
    }

    private record Target(EventEnvelope event, Draft draft, Stream to) {

        Preference preference(Map<UUID, Map<NotificationType, Preference>> choices) {
            Preference chosen = to.memberId() == null ? null
                    : choices.getOrDefault(to.memberId(), Map.of()).get(draft.type());
            return chosen == null ? Preference.standard(draft.type()) : chosen;
        }
    }

    private final TeamRepository teams;
    private final PreferenceRepository preferences;
    private final NotificationRepository notifications;
    private final EmailOutboxRepository mails;
    private final NotificationFrames frames;
    private final Event<StoredFrames> storedFrames;
    private final Clock clock;
    private final Locale defaultLocale;

    public Notifier(TeamRepository teams, PreferenceRepository preferences,
            NotificationRepository notifications, EmailOutboxRepository mails, NotificationFrames frames,
            Event<StoredFrames> storedFrames, Clock clock, NotificationConfig config) {
        this.teams = teams;
        this.preferences = preferences;
        this.notifications = notifications;
        this.mails = mails;
        this.frames = frames;
        this.storedFrames = storedFrames;
        this.clock = clock;
        this.defaultLocale = Locale.forLanguageTag(config.defaultLocale());
    }

    /**
     * Stores the notifications of a batch of events, in the events' order: one query for the members'
     * preferences, one for what the events made before, one statement numbering every stream (rows locked in the
     * streams' order), one insert, one statement of NOTIFYs (the frames packed into as few payloads as fit).
     * Numbers are those one-by-one storing would give.
     */
    public List<Notification> store(List<Made> batch, ContactBook book) {
        List<Target> targets = new ArrayList<>();
        for (Made made : batch) {
            for (Draft draft : made.drafts()) {
                for (Stream target : expand(draft.recipient(), book)) {
                    targets.add(new Target(made.event(), draft, target));
                }
            }
        }
        if (targets.isEmpty()) {
            return List.of();
        }
        Map<UUID, Map<NotificationType, Preference>> choices = preferences.allOf(targets.stream()
                .map(t -> t.to().memberId()).filter(Objects::nonNull).collect(Collectors.toSet()));
        Set<String> done = notifications.existing(batch.stream().map(m -> m.event().id()).toList());
        List<Target> kept = new ArrayList<>();
        for (Target target : targets) {
            String room = target.to().room().toString();
            if (!target.preference(choices).muted()
                    && done.add(NotificationRepository.key(target.event().id(), room, target.draft().type().code()))) {
                kept.add(target);
            }
        }
        if (kept.isEmpty()) {
            return List.of();
        }
        SortedMap<String, Integer> counts = new TreeMap<>();
        kept.forEach(t -> counts.merge(t.to().room().toString(), 1, Integer::sum));
        Map<String, Long> next = new HashMap<>(notifications.take(counts));
        Instant now = clock.instant();
        List<Notification> stored = new ArrayList<>(kept.size());
        for (Target target : kept) {
            String room = target.to().room().toString();
            long sequence = next.merge(room, 1L, Long::sum) - 1;
            stored.add(notification(target, room, sequence, now));
        }
        notifications.insertAll(stored);
        List<Push> pushes = stored.stream().map(n -> frames.push(n, false)).toList();
        notifications.announceAll(DeliveryPayloads.pack(pushes));
        storedFrames.fire(new StoredFrames(pushes));
        for (int i = 0; i < stored.size(); i++) {
            Target target = kept.get(i);
            if (target.preference(choices).email() && target.to().contact() != null) {
                mails.add(stored.get(i).id(), target.to().contact().email(), stored.get(i).title(),
                        stored.get(i).body(), now);
            }
        }
        return stored;
    }

    private Notification notification(Target target, String room, long sequence, Instant now) {
        Draft draft = target.draft();
        Locale locale = target.to().contact() == null ? defaultLocale : target.to().contact().locale();
        Templates.Text text = Templates.render(draft.type(), locale, draft.params());
        return new Notification(UUID.randomUUID(), room, sequence, target.to().memberId(), draft.type().code(),
                text.title(), text.body(), Templates.shortened(draft.params()), target.event().id(),
                target.event().type(), now, null);
    }

    private List<Stream> expand(Recipient recipient, ContactBook book) {
        if (recipient instanceof Recipient.Member m) {
            Contact contact = book.find(m.memberId()).orElseThrow(() -> new WaitingFor("member", m.memberId()));
            return List.of(new Stream(RoomName.member(m.memberId()), m.memberId(), contact));
        }
        if (recipient instanceof Recipient.TeamMembers t) {
            return people(t.teamId(), book);
        }
        if (recipient instanceof Recipient.MeetingAttendees a) {
            return people(teams.teamOfMeeting(a.meetingId()).orElseThrow(() -> new WaitingFor("meeting", a.meetingId())),
                    book);
        }
        return List.of(new Stream(((Recipient.Room) recipient).room(), null, null));
    }

    private List<Stream> people(UUID teamId, ContactBook book) {
        if (teams.name(teamId).isEmpty()) {
            throw new WaitingFor("team", teamId);
        }
        return teams.people(teamId).stream()
                .map(id -> new Stream(RoomName.member(id), id, book.find(id).orElse(null))).toList();
    }
}
