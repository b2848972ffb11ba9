package io.downline.user.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.downline.platform.audit.Actor;
import io.downline.platform.events.EventType;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.user.config.RootMemberConfig;
import io.downline.user.domain.Member;
import io.downline.user.domain.MemberStatus;
import io.downline.user.domain.SponsorEdge;
import io.downline.user.repository.MemberRepository;
import io.downline.user.repository.SponsorEdgeRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/** Creates the root (company) member at the first start, and announces it like any other registration. */
@ApplicationScoped
public class RootMemberInitializer {

    private static final Logger LOG = Logger.getLogger(RootMemberInitializer.class);

    private final MemberRepository members;
    private final SponsorEdgeRepository edges;
    private final OutboxWriter outbox;
    private final RootMemberConfig config;
    private final Actor actor;
    private final Clock clock;

    public RootMemberInitializer(MemberRepository members, SponsorEdgeRepository edges, OutboxWriter outbox,
            RootMemberConfig config, Actor actor, Clock clock) {
        this.members = members;
        this.edges = edges;
        this.outbox = outbox;
        this.config = config;
        this.actor = actor;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(this::ensureRoot);
        } catch (RuntimeException e) {
            // Another instance created it at the same moment (single-root index).
            if (members.findRoot().isEmpty()) {
                throw e;
            }
        }
    }

    void ensureRoot() {
        if (members.findRoot().isPresent()) {
            return;
        }
        Instant now = clock.instant();
        Member root = new Member();
        root.id = UUID.randomUUID();
        root.email = config.email().toLowerCase(Locale.ROOT);
        root.name = config.name();
        root.country = config.country();
        root.referralCode = config.referralCode();
        root.oidcSubject = config.subjectOrSynthetic();
        root.status = MemberStatus.ACTIVE;
        root.registeredAt = now;
        root.updatedAt = now;
        members.persist(root);
        edges.persist(SponsorEdge.open(root.id, null, now, actor.system(), "installation"));
        members.flush();
        outbox.publish(EventType.MEMBER_REGISTERED, root.id, MemberEvents.registered(root));
        LOG.infof("Created the root member %s (referral code %s)", root.id, root.referralCode);
    }
}
