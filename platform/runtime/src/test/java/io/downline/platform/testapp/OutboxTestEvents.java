package io.downline.platform.testapp;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.downline.platform.events.EventType;
import io.downline.platform.events.admin.AdminActionPerformed;
import io.downline.platform.outbox.OutboxWriter;

/**
 * The test application's state change with its event, as a service makes one: a widget renamed and an
 * {@code admin.action-performed} about it, written to the outbox in the same transaction.
 */
@ApplicationScoped
public class OutboxTestEvents {

    private final EntityManager entityManager;
    private final OutboxWriter outbox;
    private final Clock clock;

    public OutboxTestEvents(EntityManager entityManager, OutboxWriter outbox, Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Renames each widget, all in one transaction; returns the event ids in order. */
    @Transactional
    public List<UUID> renameAll(List<UUID> widgetIds, String name) {
        return widgetIds.stream().map(id -> rename(id, name)).toList();
    }

    /** Queues one event per (widget, name), in order, with one statement ({@link OutboxWriter#publishAll}). */
    @Transactional
    public List<UUID> announceAll(List<UUID> widgetIds, List<String> names) {
        return outbox.publishAll(IntStream.range(0, widgetIds.size())
                .mapToObj(i -> new OutboxWriter.Event(EventType.ADMIN_ACTION_PERFORMED, widgetIds.get(i),
                        action(widgetIds.get(i), names.get(i))))
                .toList());
    }

    /** As {@link #announceAll}, then fails: nothing of it may reach the outbox. */
    @Transactional
    public void announceAllThenFail(List<UUID> widgetIds, List<String> names) {
        announceAll(widgetIds, names);
        throw new IllegalStateException("the change fails after its events were queued");
    }

    private AdminActionPerformed action(UUID widgetId, String name) {
        return new AdminActionPerformed("test-admin", List.of("admin"), "platform-test", name, "widget",
                widgetId.toString(), null, null, null, null, clock.instant());
    }

    /**
     * Renames an existing widget without flushing, queues the event, and returns the widget's name as the database
     * holds it on the transaction's connection right after: the outbox row must come after the change's write.
     */
    @Transactional
    public String renameUnflushedThenReadBack(UUID widgetId, String name) {
        entityManager.find(Widget.class, widgetId).name = name;
        outbox.publish(EventType.ADMIN_ACTION_PERFORMED, widgetId, action(widgetId, name));
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM widget WHERE id = ?")) {
                statement.setObject(1, widgetId);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }

    /** Renames the widget (creating it first if needed) and queues the event; the action names the step. */
    @Transactional
    public UUID rename(UUID widgetId, String name) {
        Widget widget = entityManager.find(Widget.class, widgetId);
        if (widget == null) {
            widget = new Widget();
            widget.id = widgetId;
            widget.createdAt = clock.instant();
            widget.name = name;
            entityManager.persist(widget);
        }
        widget.name = name;
        entityManager.flush();
        return outbox.publish(EventType.ADMIN_ACTION_PERFORMED, widgetId, action(widgetId, name));
    }
}
