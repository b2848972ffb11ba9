package io.downline.platform.testing.architecture.sample.bad.messaging;

import io.downline.platform.testing.architecture.sample.bad.rest.GadgetResource;

/** Calls the resource instead of the service. */
public class GadgetConsumer {

    private final GadgetResource resource;

    public GadgetConsumer(GadgetResource resource) {
        this.resource = resource;
    }

    public void onGadgetRequested(String name) {
        resource.create(name);
    }
}
