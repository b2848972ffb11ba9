package io.downline.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Proves that the records and the schemas describe the same payloads, field by field. */
class SchemaContractTest {

    /** Positive money (refunds, payouts, wallet movements, cash rewards): no zero, no sign, at most two decimals. */
    static final String POSITIVE_AMOUNT = "^(?!0+(\\.0+)?$)\\d+(\\.\\d{1,2})?$";
    /** Money and volumes that may be zero but never negative, at most two decimals. */
    static final String AMOUNT = "^\\d+(\\.\\d{1,2})?$";
    /** A rate: a non-negative fraction of any precision. */
    static final String FRACTION = "^\\d+(\\.\\d+)?$";

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleIsValidAndSurvivesTheJsonRoundTrip(EventType type) {
        EventPayload sample = EventSamples.sample(type);
        String json = EventJson.write(sample);

        assertThat(sample).isInstanceOf(type.payloadClass());
        assertThat(EventSchemas.validate(type, json)).isEmpty();
        assertThat(EventJson.read(json, type.payloadClass())).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordComponentsAndSchemaPropertiesAgree(EventType type) {
        assertAgree(type.payloadClass(), SchemaFiles.read(type), type.type());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyPayloadEndsWithOccurredAt(EventType type) {
        RecordComponent[] components = type.payloadClass().getRecordComponents();
        RecordComponent last = components[components.length - 1];

        assertThat(last.getName()).isEqualTo("occurredAt");
        assertThat(last.getType()).isEqualTo(Instant.class);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyRequiredPropertyIsEnforced(EventType type) throws Exception {
        ObjectNode sample = (ObjectNode) EventJson.mapper().readTree(EventJson.write(EventSamples.sample(type)));

        for (JsonNode required : SchemaFiles.read(type).get("required")) {
            ObjectNode incomplete = sample.deepCopy();
            incomplete.remove(required.asText());

            assertThat(EventSchemas.validate(type, incomplete.toString()))
                    .as("%s without %s", type.type(), required.asText())
                    .contains("$: required property '" + required.asText() + "' not found");
        }
    }

    private static void assertAgree(Class<?> record, JsonNode schema, String path) {
        assertThat(typeOf(schema)).as(path).isEqualTo("object");
        JsonNode properties = schema.get("properties");
        List<String> propertyNames = new ArrayList<>();
        properties.fieldNames().forEachRemaining(propertyNames::add);
        List<String> componentNames = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertThat(propertyNames).as("properties of %s", path).containsExactlyElementsOf(componentNames);

        List<String> required = new ArrayList<>();
        schema.get("required").forEach(name -> required.add(name.asText()));
        assertThat(componentNames).as("required of %s", path).containsAll(required);

        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            JsonNode property = properties.get(name);
            boolean nullable = !required.contains(name);
            if (nullable) {
                assertThat(component.getType().isPrimitive()).as("nullable %s.%s is primitive", path, name).isFalse();
            }
            if (property.has("type")) {
                assertThat(property.get("type").toString().contains("\"null\""))
                        .as("%s.%s accepts null exactly when it is not required", path, name)
                        .isEqualTo(nullable);
            }
            assertTypeAgrees(component, property, path + "." + name);
        }
    }

    private static void assertTypeAgrees(RecordComponent component, JsonNode property, String path) {
        Class<?> type = component.getType();
        if (type == JsonNode.class) {
            assertThat(property.has("type")).as("%s accepts any JSON", path).isFalse();
        } else if (type == UUID.class) {
            assertThat(typeOf(property)).as(path).isEqualTo("string");
            assertThat(property.path("format").asText()).as(path).isEqualTo("uuid");
            assertThat(property.path("pattern").asText()).as(path).isNotEmpty();
        } else if (type == Instant.class) {
            assertThat(typeOf(property)).as(path).isEqualTo("string");
            assertThat(property.path("format").asText()).as(path).isEqualTo("date-time");
        } else if (type == BigDecimal.class) {
            assertThat(typeOf(property)).as(path).isEqualTo("string");
            assertThat(property.path("pattern").asText()).as(path).isIn(POSITIVE_AMOUNT, AMOUNT, FRACTION);
        } else if (type == String.class) {
            assertThat(typeOf(property)).as(path).isEqualTo("string");
        } else if (type == int.class) {
            assertThat(typeOf(property)).as(path).isEqualTo("integer");
        } else if (type == boolean.class) {
            assertThat(typeOf(property)).as(path).isEqualTo("boolean");
        } else if (type == List.class) {
            assertThat(typeOf(property)).as(path).isEqualTo("array");
            Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            if (element.isRecord()) {
                assertAgree(element, property.get("items"), path + "[]");
            } else {
                assertThat(element).as(path).isEqualTo(String.class);
                assertThat(typeOf(property.get("items"))).as(path + "[]").isEqualTo("string");
            }
        } else if (type.isRecord()) {
            assertAgree(type, property, path);
        } else {
            throw new AssertionError(path + " has a type the contract does not allow: " + type.getName());
        }
    }

    /** The type of a property, {@code ["string", "null"]} counting as {@code string}. */
    private static String typeOf(JsonNode property) {
        JsonNode type = property.path("type");
        return type.isArray() ? type.get(0).asText() : type.asText();
    }
}
