package io.downline.platform.events;

import java.util.regex.Pattern;

/**
 * The one rule for a member's email address, shared by the event contract ({@code member.registered}'s
 * schema carries {@link #PATTERN} and {@link #MAX_LENGTH}) and the APIs' Bean Validation
 * ({@code @MemberEmail}), so that nothing an API accepts can break an event.
 *
 * <p>The HTML living standard's "valid e-mail address" with at least one dot in the domain: a host-only
 * address such as {@code ada@localhost} cannot receive mail from outside. The pattern is written to mean the
 * same in Java and in ECMA-262, the regular-expression dialect of JSON Schema.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

    public static final String PATTERN = "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@" + LABEL + "(?:\\." + LABEL + ")+$";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private EmailAddress() {
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && COMPILED.matcher(value).matches();
    }
}
