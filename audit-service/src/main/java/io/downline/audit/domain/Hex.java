package io.downline.audit.domain;

import java.util.HexFormat;

/** Hashes travel as lower-case hex. */
public final class Hex {

    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    /** {@link IllegalArgumentException} when the text is not hex. */
    public static byte[] parse(String hex) {
        return FORMAT.parseHex(hex);
    }
}
