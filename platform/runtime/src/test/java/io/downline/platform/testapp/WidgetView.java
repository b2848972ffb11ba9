package io.downline.platform.testapp;

import java.time.Instant;
import java.util.UUID;

public record WidgetView(UUID id, String name, Instant createdAt) {

    static WidgetView of(Widget widget) {
        return new WidgetView(widget.id, widget.name, widget.createdAt);
    }
}
