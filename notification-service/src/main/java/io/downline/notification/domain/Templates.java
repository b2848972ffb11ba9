package io.downline.notification.domain;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Title and body of each type per locale, from the resource bundle {@code i18n/notifications}
 * ({@code notifications.properties} is English; {@code notifications_<lang>.properties} add languages and fall
 * back to English key by key). A text names its values as {@code {name}}.
 */
public final class Templates {

    public static final String BUNDLE = "i18n.notifications";
    /** A value longer than this is cut, so that one long reason cannot make a notification unreadable. */
    static final int MAX_VALUE_LENGTH = 300;
    /** The database's limits of a title and a body. */
    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_BODY_LENGTH = 2000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private Templates() {
    }

    public record Text(String title, String body) {
    }

    public static Text render(NotificationType type, Locale locale, Map<String, String> params) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Text(cut(fill(text(bundle, type, "title"), params), MAX_TITLE_LENGTH),
                cut(fill(text(bundle, type, "body"), params), MAX_BODY_LENGTH));
    }

    /**
     * The values as kept with a notification: each cut to {@link #MAX_VALUE_LENGTH}, so that a notification always
     * fits a PostgreSQL NOTIFY payload (8000 bytes) on its way to the replicas.
     */
    public static Map<String, String> shortened(Map<String, String> params) {
        Map<String, String> shortened = new java.util.LinkedHashMap<>();
        params.forEach((key, value) -> shortened.put(key, cut(value, MAX_VALUE_LENGTH)));
        return shortened;
    }

    static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static String text(ResourceBundle bundle, NotificationType type, String part) {
        try {
            return bundle.getString(type.code() + "." + part);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No " + part + " for notification type " + type.code(), e);
        }
    }

    static String fill(String template, Map<String, String> params) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = params.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("No value for {" + matcher.group(1) + "} in " + template);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(cut(value, MAX_VALUE_LENGTH)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
