package io.downline.incentive;

import io.downline.platform.testing.architecture.ServiceArchitectureTest;

/** incentive-service's layers and clock, checked by the platform's rules (see platform/testing's README). */
class ArchitectureTest extends ServiceArchitectureTest {
}
