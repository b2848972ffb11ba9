package io.downline.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DeliveryPayloadsTest {

    private static Push push(int sequence, String text) {
        String room = "member:2b7e0c5e-1b7a-4c1e-9a51-1f0d9e3c8a11";
        return new Push(room, sequence,
                "{\"type\":\"notification\",\"room\":\"" + room + "\",\"sequence\":" + sequence + ",\"body\":\"" + text + "\"}");
    }

    @Test
    void manyPushesShareAPayloadAndComeBackInOrder() {
        List<Push> pushes = IntStream.rangeClosed(1, 500).mapToObj(i -> push(i, "A level 1 commission " + i)).toList();

        List<String> payloads = DeliveryPayloads.pack(pushes);

        assertThat(payloads).hasSizeLessThan(20);
        List<Push> back = new ArrayList<>();
        payloads.forEach(p -> back.addAll(DeliveryPayloads.unpack(p)));
        assertThat(back).isEqualTo(pushes);
    }

    @Test
    void aPayloadStaysUnderPostgresLimitInBytesNotCharacters() {
        // Each push is over 2,200 bytes (700 three-byte characters) but under 1,000 characters: three fit a payload.
        List<Push> pushes = IntStream.rangeClosed(1, 20).mapToObj(i -> push(i, "€".repeat(700))).toList();

        List<String> payloads = DeliveryPayloads.pack(pushes);

        assertThat(payloads).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000));
        assertThat(payloads).hasSize(7);
        assertThat(payloads.stream().flatMap(p -> DeliveryPayloads.unpack(p).stream()).toList()).isEqualTo(pushes);
    }

    @Test
    void aFrameWithEscapedLineBreaksAndTabsIsKeptWhole() {
        Push push = new Push("team:6f1c0e1e-5a0e-4d7e-8d1f-2a3b4c5d6e7f", 12, "{\"body\":\"one\\ntwo\\tthree\"}");

        assertThat(DeliveryPayloads.unpack(DeliveryPayloads.pack(List.of(push)).get(0))).containsExactly(push);
    }

    @Test
    void nothingToAnnounceIsNoPayload() {
        assertThat(DeliveryPayloads.pack(List.of())).isEmpty();
    }

    @Test
    void aPushTooBigForAnyPayloadIsRefusedRatherThanCut() {
        assertThatThrownBy(() -> DeliveryPayloads.pack(List.of(push(1, "x".repeat(8000)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLineThatIsNotADeliveryIsRefused() {
        assertThatThrownBy(() -> DeliveryPayloads.unpack("{\"type\":\"notification\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
