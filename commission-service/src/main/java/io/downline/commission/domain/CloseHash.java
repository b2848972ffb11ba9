package io.downline.commission.domain;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over every member's results in member-id order: equal inputs give an equal hash. */
public final class CloseHash {

    private CloseHash() {
    }

    public static String of(CloseInput input, CloseResult result) {
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(41 * 4096);
        for (int i = 0; i < input.size(); i++) {
            buffer.putLong(input.idHigh()[i]).putLong(input.idLow()[i]).putLong(input.pv()[i])
                    .putLong(result.groupVolume()[i]).putLong(result.qualifiedSponsored()[i]).put(result.rank()[i]);
            if (!buffer.hasRemaining()) {
                digest.update(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
        }
        digest.update(buffer.array(), 0, buffer.position());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
