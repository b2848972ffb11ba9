package io.downline.commission.domain;

import java.util.UUID;

/**
 * An upline the walk passed over.
 *
 * @param level  the level that was open when they were skipped (it does not move)
 * @param reason {@value #NOT_QUALIFIED} or "rank pays N levels"
 * @param detail the figures behind the reason
 */
public record Skip(int step, UUID memberId, int level, String reason, String detail) {

    public static final String NOT_QUALIFIED = "not qualified";

    public static String rankPays(int levels) {
        return "rank pays " + levels + " levels";
    }
}
