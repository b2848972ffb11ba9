package io.downline.platform.testing.architecture.sample.good.service;

import java.time.Clock;
import java.time.Instant;

import io.downline.platform.testing.architecture.sample.good.domain.Widget;
import io.downline.platform.testing.architecture.sample.good.repository.WidgetRepository;

public class WidgetService {

    private final WidgetRepository widgets;
    private final Clock clock;

    public WidgetService(WidgetRepository widgets, Clock clock) {
        this.widgets = widgets;
        this.clock = clock;
    }

    public Widget create(String name) {
        Widget widget = new Widget(name, Instant.now(clock));
        widgets.add(widget);
        return widget;
    }
}
