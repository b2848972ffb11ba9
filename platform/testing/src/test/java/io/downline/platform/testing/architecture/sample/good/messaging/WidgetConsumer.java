package io.downline.platform.testing.architecture.sample.good.messaging;

import io.downline.platform.testing.architecture.sample.good.service.WidgetService;

public class WidgetConsumer {

    private final WidgetService service;

    public WidgetConsumer(WidgetService service) {
        this.service = service;
    }

    public void onWidgetRequested(String name) {
        service.create(name);
    }
}
