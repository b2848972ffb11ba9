package io.downline.platform.testing.architecture.sample.bad.service;

import io.downline.platform.testing.architecture.sample.bad.domain.Gadget;
import io.downline.platform.testing.architecture.sample.bad.rest.GadgetView;

/** Returns a rest view instead of its own type. */
public class GadgetService {

    public GadgetView create(String name) {
        return Gadget.named(name).view();
    }
}
