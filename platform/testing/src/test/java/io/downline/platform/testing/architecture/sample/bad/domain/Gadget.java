package io.downline.platform.testing.architecture.sample.bad.domain;

import java.time.Instant;

import io.downline.platform.testing.architecture.sample.bad.rest.GadgetView;

/** Reaches up into rest and reads the system clock. */
public record Gadget(String name, Instant createdAt) {

    public static Gadget named(String name) {
        return new Gadget(name, Instant.now());
    }

    public GadgetView view() {
        return new GadgetView(name);
    }
}
