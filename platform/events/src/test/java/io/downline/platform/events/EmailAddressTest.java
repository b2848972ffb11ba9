package io.downline.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The API's email rule and the event contract's are one rule: same pattern, same verdict on every address. */
class EmailAddressTest {

    @Test
    void theSchemaCarriesTheSharedRule() {
        JsonNode email = SchemaFiles.read(EventType.MEMBER_REGISTERED).get("properties").get("email");

        assertThat(email.get("pattern").asText()).isEqualTo(EmailAddress.PATTERN);
        assertThat(email.get("maxLength").asInt()).isEqualTo(EmailAddress.MAX_LENGTH);
    }

    @ParameterizedTest
    @CsvSource({
            "ada@example.com, true",
            "a.b+c@sub.domain.travel, true",
            "x@bench.example, true",
            "o'brien@example.ie, true",
            "ada@localhost, false",
            "ada@example, false",
            "ada@-example.com, false",
            "ada@example..com, false",
            "ada lovelace@example.com, false",
            "ada@exa mple.com, false",
            "@example.com, false",
            "ada@@example.com, false",
            "ada@example.com., false" })
    void theApiAndTheEventAgreeOnEachAddress(String address, boolean valid) {
        ObjectNode json = (ObjectNode) EventJson.mapper()
                .valueToTree(EventSamples.sample(EventType.MEMBER_REGISTERED));
        json.put("email", address);

        assertThat(EmailAddress.isValid(address)).as("API rule for %s", address).isEqualTo(valid);
        assertThat(EventSchemas.validate(EventType.MEMBER_REGISTERED, json.toString()))
                .as("schema verdict for %s", address).hasSize(valid ? 0 : 1);
    }

    @Test
    void anAddressLongerThanTheLimitIsRefusedOnBothSides() {
        String address = "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(3) + "example.com";
        ObjectNode json = (ObjectNode) EventJson.mapper()
                .valueToTree(EventSamples.sample(EventType.MEMBER_REGISTERED));
        json.put("email", address);

        assertThat(address.length()).isGreaterThan(EmailAddress.MAX_LENGTH);
        assertThat(EmailAddress.isValid(address)).isFalse();
        assertThat(EventSchemas.validate(EventType.MEMBER_REGISTERED, json.toString())).isNotEmpty();
    }
}
