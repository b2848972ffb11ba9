package io.downline.notification.domain;

import java.util.List;

/** The plan's ranks in ascending order; an unknown name ranks below them all. */
public final class Rank {

    private static final List<String> ORDER = List.of("MEMBER", "BRONZE", "SILVER", "GOLD", "PLATINUM", "DIAMOND");

    private Rank() {
    }

    public static boolean advanced(String previous, String next) {
        return ORDER.indexOf(next) > ORDER.indexOf(previous);
    }
}
