package io.downline.user.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a downline page ends: the level and tree label of its last member. Downline pages are ordered by
 * (level, tree label), so the next page starts right after this key. Clients see it as an opaque token.
 */
public record DownlineCursor(int level, long treeId) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String token() {
        return ENCODER.encodeToString((level + ":" + treeId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a token stands for; empty when the token was not made by {@link #token()}. */
    public static Optional<DownlineCursor> parse(String token) {
        try {
            String[] parts = new String(DECODER.decode(token), StandardCharsets.US_ASCII).split(":", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            int level = Integer.parseInt(parts[0]);
            long treeId = Long.parseLong(parts[1]);
            return level >= 1 && treeId >= 1 ? Optional.of(new DownlineCursor(level, treeId)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
