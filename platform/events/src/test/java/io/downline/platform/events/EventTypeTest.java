package io.downline.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

class EventTypeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void hasADraft2020SchemaWhoseIdIsTheDataSchemaUri(EventType type) {
        JsonNode schema = SchemaFiles.read(type);

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(type.dataSchemaUri());
        assertThat(type.schemaResource()).isEqualTo("/io/downline/events/schemas/" + type.type() + ".v1.json");
        assertThat(type.dataSchemaUri()).isEqualTo("urn:downline:events:" + type.type() + ":v1");
        assertThat(EventSchemas.validate(type, EventJson.write(EventSamples.sample(type)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void isFoundByItsTypeAndItsPayload(EventType type) {
        assertThat(EventType.of(type.type())).isSameAs(type);
        assertThat(EventType.find(type.type())).containsSame(type);
        assertThat(EventType.forPayload(type.payloadClass())).isSameAs(type);
        assertThat(type.name()).isEqualTo(type.type().replaceAll("[.-]", "_").toUpperCase(Locale.ROOT));
        assertThat(type.version()).isEqualTo(1);
    }

    @Test
    void unknownTypesAreRejectedOrAbsent() {
        assertThatThrownBy(() -> EventType.of("member.promoted"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("member.promoted");
        assertThat(EventType.find("member.promoted")).isEmpty();
        assertThat(EventType.find(null)).isEmpty();
        assertThatThrownBy(() -> EventType.forPayload(NotAnEvent.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDomainTopicCarriesEventsAndOnlyAdminActionsHaveNoTopic() {
        assertThat(Arrays.stream(EventType.values()).filter(type -> type.topic() == null))
                .containsExactly(EventType.ADMIN_ACTION_PERFORMED);
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic).filter(Objects::nonNull).distinct())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(EventType.MEMBER_REGISTERED.topic()).isEqualTo("users.events.v1");
        assertThat(EventType.PAYOUT_PAID.topic()).isEqualTo(Topics.PAYOUTS);
    }

    @Test
    void thereIsNoSchemaFileWithoutAnEventType() throws IOException, URISyntaxException {
        Path directory = Path.of(EventTypeTest.class.getResource("/io/downline/events/schemas").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                            .map(type -> type.type() + ".v1.json").toList());
        }
    }

    private record NotAnEvent() implements EventPayload {
    }
}
