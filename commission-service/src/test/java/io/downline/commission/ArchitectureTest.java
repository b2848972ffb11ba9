package io.downline.commission;

import io.downline.platform.testing.architecture.ServiceArchitectureTest;

/** commission-service's layers and clock, checked by the platform's rules (see platform/testing's README). */
class ArchitectureTest extends ServiceArchitectureTest {
}
