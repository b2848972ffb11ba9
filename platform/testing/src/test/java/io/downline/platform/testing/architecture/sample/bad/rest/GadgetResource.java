package io.downline.platform.testing.architecture.sample.bad.rest;

import io.downline.platform.testing.architecture.sample.bad.service.GadgetService;

public class GadgetResource {

    private final GadgetService service;

    public GadgetResource(GadgetService service) {
        this.service = service;
    }

    public GadgetView create(String name) {
        return service.create(name);
    }
}
