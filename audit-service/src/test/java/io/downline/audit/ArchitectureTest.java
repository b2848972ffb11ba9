package io.downline.audit;

import io.downline.platform.testing.architecture.ServiceArchitectureTest;

/** audit-service's layers and clock, checked by the platform's rules (see platform/testing's README). */
class ArchitectureTest extends ServiceArchitectureTest {
}
