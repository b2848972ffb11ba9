package io.downline.platform.testing.architecture.sample.good.rest;

import io.downline.platform.testing.architecture.sample.good.domain.Widget;

public record WidgetView(String name) {

    static WidgetView of(Widget widget) {
        return new WidgetView(widget.name());
    }
}
