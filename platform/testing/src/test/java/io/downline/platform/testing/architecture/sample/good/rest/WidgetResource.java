package io.downline.platform.testing.architecture.sample.good.rest;

import io.downline.platform.testing.architecture.sample.good.service.WidgetService;

public class WidgetResource {

    private final WidgetService service;

    public WidgetResource(WidgetService service) {
        this.service = service;
    }

    public WidgetView create(String name) {
        return WidgetView.of(service.create(name));
    }
}
