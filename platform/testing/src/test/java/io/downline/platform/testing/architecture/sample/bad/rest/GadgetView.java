package io.downline.platform.testing.architecture.sample.bad.rest;

public record GadgetView(String name) {
}
