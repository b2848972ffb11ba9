package io.downline.audit.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The W3C trace id (32 lower-case hex digits) of a {@code traceparent} header; null when absent or unreadable. */
public final class TraceIds {

    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}.*");

    private TraceIds() {
    }

    public static String of(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        Matcher matcher = TRACEPARENT.matcher(traceparent.trim());
        return matcher.matches() ? matcher.group(1) : null;
    }
}
