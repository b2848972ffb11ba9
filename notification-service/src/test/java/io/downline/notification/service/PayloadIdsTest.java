package io.downline.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PayloadIdsTest {

    private static final UUID A = UUID.fromString("2b7e0c5e-1b7a-4c1e-9a51-1f0d9e3c8a11");
    private static final UUID B = UUID.fromString("6f1c0e1e-5a0e-4d7e-8d1f-2a3b4c5d6e7f");

    private static Set<UUID> ids(String json) {
        Set<UUID> ids = new HashSet<>();
        PayloadIds.collect(json, ids);
        return ids;
    }

    @Test
    void everyFieldNamedSomethingIdWithAUuidIsCollected() {
        assertThat(ids("{\"memberId\":\"" + A + "\",\"amount\":\"1.00\",\"beneficiaryId\" : \"" + B + "\"}"))
                .containsExactlyInAnyOrder(A, B);
    }

    @Test
    void otherFieldsAndOtherValuesAreNot() {
        assertThat(ids("{\"id\":\"" + A + "\",\"memberId\":\"not-a-uuid\",\"reason\":\"memberId\","
                + "\"sponsorId\":null,\"teamId\":\"" + B.toString().toUpperCase() + "\",\"x-Id\":\"" + A + "\"}"))
                .isEmpty();
    }

    @Test
    void aTruncatedPayloadIsNoProblem() {
        assertThat(ids("{\"memberId\":\"" + A.toString().substring(0, 20))).isEmpty();
        assertThat(ids("{\"memberId\"")).isEmpty();
    }
}
