package io.downline.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.downline.platform.events.EventType;

class DataSchemaVersionTest {

    @Test
    void readsTheVersionOfTheCatalogueUri() {
        assertThat(DataSchemaVersion.of(EventType.KYC_APPROVED.dataSchemaUri(), "kyc.approved")).hasValue(1);
        assertThat(DataSchemaVersion.of("urn:downline:events:kyc.approved:v2", "kyc.approved")).hasValue(2);
    }

    @Test
    void aUriOfAnotherTypeOrShapeHasNoVersion() {
        assertThat(DataSchemaVersion.of("urn:downline:events:kyc.rejected:v1", "kyc.approved")).isEmpty();
        assertThat(DataSchemaVersion.of("https://example.com/kyc.approved.json", "kyc.approved")).isEmpty();
        assertThat(DataSchemaVersion.of("urn:downline:events:kyc.approved:v0", "kyc.approved")).isEmpty();
    }
}
