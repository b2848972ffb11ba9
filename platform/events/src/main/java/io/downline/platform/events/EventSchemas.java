package io.downline.platform.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import tools.jackson.core.JacksonException;

/**
 * Validates payload JSON against the JSON Schema (draft 2020-12) of its event type. Formats ({@code uuid},
 * {@code date-time}, {@code email}) are asserted, not just annotated. Schemas are loaded once and cached.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_PATH)
                    .locale(Locale.ENGLISH)
                    .build()));

    private static final Map<EventType, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /**
     * The violations, each starting with the JSON path of the failing value ({@code $.memberId: ...});
     * empty when the payload is valid.
     */
    public static List<String> validate(EventType type, String json) {
        Schema schema = SCHEMAS.computeIfAbsent(type, EventSchemas::load);
        try {
            return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
        } catch (JacksonException e) {
            return List.of("$: not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static void assertValid(EventType type, String json) {
        List<String> violations = validate(type, json);
        if (!violations.isEmpty()) {
            throw new EventSchemaViolation(type, violations);
        }
    }

    private static Schema load(EventType type) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("No schema " + type.schemaResource() + " on the classpath");
            }
            Schema schema = REGISTRY.getSchema(in, InputFormat.JSON);
            // Build the validators now rather than lazily inside a first, possibly concurrent, validation.
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + type.schemaResource(), e);
        }
    }
}
