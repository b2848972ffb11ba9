package io.downline.platform.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of event payloads, shared by every producer and consumer:
 * <ul>
 * <li>instants as ISO-8601 strings ({@code 2025-03-01T10:15:30Z});</li>
 * <li>every {@link BigDecimal} (money, volumes, rates) as a plain decimal string ({@code "0.10"}, never
 * {@code 0.1} or {@code "1E+3"}), so no consumer reads money through a binary floating point;</li>
 * <li>null fields are omitted; the schemas therefore list only the non-nullable fields as required;</li>
 * <li>unknown properties are ignored on read, so a consumer keeps working when a producer adds a field.</li>
 * </ul>
 * Payloads must be written with this mapper, not a framework's default one. The mapper is thread-safe;
 * do not reconfigure it (use {@code mapper().copy()} for a variant).
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .withConfigOverride(BigDecimal.class,
                    override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new EventJsonException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new EventJsonException("Cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
