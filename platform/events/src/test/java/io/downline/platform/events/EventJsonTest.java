package io.downline.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.downline.platform.events.commissions.TeamVolumeUpdated;
import io.downline.platform.events.users.MemberActivated;
import io.downline.platform.events.users.MemberRegistered;

class EventJsonTest {

    @Test
    void writesInstantsAsIsoStringsAndVolumesAsDecimalStrings() {
        String json = EventJson.write(new TeamVolumeUpdated(EventSamples.MEMBER, "2025-02", new BigDecimal("150.00"),
                new BigDecimal("2.31E+3"), EventSamples.AT));

        assertThat(json).isEqualTo("{\"memberId\":\"" + EventSamples.MEMBER + "\",\"period\":\"2025-02\","
                + "\"personalVolume\":\"150.00\",\"groupVolume\":\"2310\","
                + "\"occurredAt\":\"2025-03-14T09:26:53.589Z\"}");
    }

    @Test
    void omitsNullFields() {
        String json = EventJson.write(new MemberRegistered(EventSamples.MEMBER, "root@example.com", "Company", null,
                "US", "ROOT", null, "kc-root", "ACTIVE", EventSamples.AT));

        assertThat(json).doesNotContain("phone", "sponsorId", "null");
        assertThat(EventSchemas.validate(EventType.MEMBER_REGISTERED, json)).isEmpty();
    }

    @Test
    void ignoresPropertiesItDoesNotKnow() {
        MemberActivated read = EventJson.read("{\"memberId\":\"" + EventSamples.MEMBER + "\",\"actor\":\"admin-7\","
                + "\"channel\":\"mobile\",\"occurredAt\":\"2025-03-14T09:26:53.589Z\"}", MemberActivated.class);

        assertThat(read).isEqualTo(new MemberActivated(EventSamples.MEMBER, "admin-7", EventSamples.AT));
    }

    @Test
    void wrapsUnreadableJson() {
        assertThatThrownBy(() -> EventJson.read("{\"memberId\":", MemberActivated.class))
                .isInstanceOf(EventJsonException.class)
                .hasMessageContaining("MemberActivated");
        assertThatThrownBy(() -> EventJson.read("{\"memberId\":\"42\"}", MemberActivated.class))
                .isInstanceOf(EventJsonException.class);
    }
}
