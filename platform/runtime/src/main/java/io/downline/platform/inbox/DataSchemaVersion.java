package io.downline.platform.inbox;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version in a {@code ce_dataschema} attribute, {@code urn:downline:events:<type>:v<n>}. The versioning
 * rule (docs/consumers.md): a consumer reads exactly one version of each type, the one of the
 * {@code platform/events} it was built with, and ignores the others; a producer that moves a type to v2 emits
 * both versions until every consumer reads v2.
 */
final class DataSchemaVersion {

    private static final Pattern URI = Pattern.compile("urn:downline:events:([a-z.-]+):v([1-9]\\d{0,3})");

    private DataSchemaVersion() {
    }

    /** The version, or empty when the attribute is not a Downline schema URI of that type. */
    static OptionalInt of(String dataSchema, String type) {
        Matcher matcher = URI.matcher(dataSchema);
        if (!matcher.matches() || !matcher.group(1).equals(type)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(matcher.group(2)));
    }
}
