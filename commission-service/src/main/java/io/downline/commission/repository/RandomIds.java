package io.downline.commission.repository;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A given number of random (version 4) UUIDs as {@code UUID.randomUUID()} makes them, from the same kind of
 * generator, drawn from it in bulk and handed out in ascending order (PostgreSQL's uuid order). The ids stay random;
 * only their order follows the rows: the outbox's unique index on {@code event_id} then takes a close's million new
 * keys (and the relay's updates of them) page by page instead of at random places, which costs the database less
 * CPU and fewer full-page images in the WAL.
 */
final class RandomIds {

    private final long[] high;
    private final long[] low;
    private int next;

    RandomIds(int count) {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16 * count];
        random.nextBytes(bytes);
        high = new long[count];
        low = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0;
            long l = 0;
            for (int b = 0; b < 8; b++) {
                h = (h << 8) | (bytes[16 * i + b] & 0xff);
                l = (l << 8) | (bytes[16 * i + 8 + b] & 0xff);
            }
            // version 4 and the IETF variant, as UUID.randomUUID() sets them; the high half is stored with its sign
            // bit flipped so that a signed sort orders it as PostgreSQL does (unsigned)
            high[i] = ((h & ~0xF000L) | 0x4000L) ^ Long.MIN_VALUE;
            low[i] = (l & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        }
        Arrays.sort(high);
    }

    /** Writes the next id; the ids are ascending by their high half (a tie, about one in 2^60, is in any order). */
    void next(AsciiBuffer out) {
        if (next == high.length) {
            throw new IllegalStateException("All " + high.length + " ids are used");
        }
        out.uuid(high[next] ^ Long.MIN_VALUE, low[next]);
        next++;
    }
}
