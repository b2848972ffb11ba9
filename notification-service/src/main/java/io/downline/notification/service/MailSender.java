package io.downline.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.downline.notification.config.NotificationConfig;
import io.downline.notification.repository.EmailOutboxRepository;
import io.downline.notification.repository.EmailOutboxRepository.PendingMail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the mails written with their notifications. Rows are locked while sent (another replica skips them);
 * a failed send is retried with back-off (doubling from 10 s up to an hour), never dropped.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration LAST_RETRY = Duration.ofHours(1);

    private final EmailOutboxRepository mails;
    private final Mailer mailer;
    private final Clock clock;
    private final NotificationConfig config;

    public MailSender(EmailOutboxRepository mails, Mailer mailer, Clock clock, NotificationConfig config) {
        this.mails = mails;
        this.mailer = mailer;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${downline.notifications.mail.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            for (PendingMail mail : mails.due(now, config.mail().batch())) {
                send(mail, now);
            }
        });
    }

    private void send(PendingMail mail, Instant now) {
        try {
            mailer.send(Mail.withText(mail.to(), mail.subject(), mail.body()).setFrom(config.mail().from()));
            mails.sent(mail.id(), now);
        } catch (RuntimeException e) {
            long factor = 1L << Math.min(mail.attempts(), 20);
            Duration delay = FIRST_RETRY.multipliedBy(factor);
            delay = delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
            LOG.warnf("Mail %d to %s failed (attempt %d), next attempt in %s: %s", mail.id(), mail.to(),
                    mail.attempts() + 1, delay, e.getMessage());
            mails.failed(mail.id(), now.plus(delay), String.valueOf(e.getMessage()));
        }
    }
}
