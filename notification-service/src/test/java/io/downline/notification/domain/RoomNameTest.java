package io.downline.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoomNameTest {

    @Test
    void readsEveryKindOfRoomAndWritesItBack() {
        UUID id = UUID.randomUUID();
        for (String name : new String[] { "member:" + id, "team:" + id, "meeting:" + id, "role:finance",
                "role:kyc-review", "analytics" }) {
            assertThat(RoomName.parse(name)).map(RoomName::toString).contains(name);
        }
        assertThat(RoomName.parse("analytics").orElseThrow().stored()).isFalse();
        assertThat(RoomName.parse("role:finance").orElseThrow().stored()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "member", "member:", "member:42", "team:not-a-uuid", "role:admin", "chat:x",
            "analytics:1", "MEMBER:00000000-0000-0000-0000-000000000001", "member:00000000-0000-0000-0000-00000000000A",
            "role:finance:x" })
    void refusesWhatNamesNoRoom(String name) {
        assertThat(RoomName.parse(name)).isEmpty();
    }
}
