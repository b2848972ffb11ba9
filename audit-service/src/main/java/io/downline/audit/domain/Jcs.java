package io.downline.audit.domain;

import java.io.IOException;

import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JSON Canonicalization Scheme). A payload is canonicalized once, on the way in, by the reference
 * library; an entry's canonical form is then assembled from its fields with {@link #string} and the payload's
 * canonical text, which is what the library would produce for the whole entry (proven by {@code CanonicalEntryTest}):
 * members sorted by name, no whitespace, strings escaped as RFC 8785 says, the canonical payload as it is.
 */
public final class Jcs {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Jcs() {
    }

    /** The canonical form of a JSON text; {@link MalformedPayloadException} when it is not JSON. */
    public static String canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException | RuntimeException e) {
            throw new MalformedPayloadException("the payload is not JSON: " + e.getMessage());
        }
    }

    /** Appends a JSON string as RFC 8785 writes it (section 3.2.2.2), or null. */
    public static StringBuilder string(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
