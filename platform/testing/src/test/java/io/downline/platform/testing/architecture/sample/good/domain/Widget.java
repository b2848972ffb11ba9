package io.downline.platform.testing.architecture.sample.good.domain;

import java.time.Instant;

public record Widget(String name, Instant createdAt) {
}
