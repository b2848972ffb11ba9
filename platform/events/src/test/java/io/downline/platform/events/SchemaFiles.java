package io.downline.platform.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the schema files as plain JSON, independently of the validator. */
final class SchemaFiles {

    private SchemaFiles() {
    }

    static JsonNode read(EventType type) {
        try (InputStream in = SchemaFiles.class.getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new AssertionError("No schema file " + type.schemaResource());
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
