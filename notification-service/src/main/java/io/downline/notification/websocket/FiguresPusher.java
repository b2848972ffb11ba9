package io.downline.notification.websocket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.notification.domain.LiveFigures;
import io.downline.notification.domain.RoomName;
import io.downline.notification.service.FiguresService;
import io.quarkus.scheduler.Scheduled;

/**
 * The analytics room: a socket gets the figures when it joins, then whenever they changed, at most once a
 * second.
 */
@ApplicationScoped
public class FiguresPusher {

    static final Duration AT_MOST_EVERY = Duration.ofSeconds(1);

    private record Sent(LiveFigures figures, Instant at) {
    }

    private final FiguresService figures;
    private final Rooms rooms;
    private final Frames frames;
    private final Clock clock;
    private final Map<Subscription, Sent> sent = new ConcurrentHashMap<>();

    public FiguresPusher(FiguresService figures, Rooms rooms, Frames frames, Clock clock) {
        this.figures = figures;
        this.rooms = rooms;
        this.frames = frames;
        this.clock = clock;
    }

    void joined(Subscription subscription) {
        push(subscription, figures.current(), clock.instant());
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sent.keySet().removeIf(subscription -> !subscription.socket().open());
        var subscribers = rooms.in(RoomName.ANALYTICS.toString());
        if (subscribers.isEmpty()) {
            return;
        }
        LiveFigures current = figures.current();
        Instant now = clock.instant();
        for (Subscription subscription : subscribers) {
            Sent last = sent.get(subscription);
            if (last == null || (!last.figures().equals(current)
                    && !Duration.between(last.at(), now).minus(AT_MOST_EVERY).isNegative())) {
                push(subscription, current, now);
            }
        }
    }

    private void push(Subscription subscription, LiveFigures current, Instant now) {
        sent.put(subscription, new Sent(current, now));
        subscription.socket().send(frames.figures(current, now));
    }
}
