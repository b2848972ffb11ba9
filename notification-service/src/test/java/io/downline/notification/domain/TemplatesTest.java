package io.downline.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TemplatesTest {

    @ParameterizedTest
    @EnumSource(NotificationType.class)
    void everyTypeHasAnEnglishTitleAndBodyWhoseValuesAllFill(NotificationType type) {
        ResourceBundle english = ResourceBundle.getBundle(Templates.BUNDLE, Locale.ENGLISH);
        Map<String, String> params = new HashMap<>();
        for (String part : new String[] { "title", "body" }) {
            Matcher names = Pattern.compile("\\{([a-zA-Z]+)}").matcher(english.getString(type.code() + "." + part));
            while (names.find()) {
                params.put(names.group(1), "<" + names.group(1) + ">");
            }
        }

        Templates.Text text = Templates.render(type, Locale.ENGLISH, params);

        assertThat(text.title()).isNotBlank().doesNotContain("{");
        assertThat(text.body()).isNotBlank().doesNotContain("{");
    }

    @Test
    void anotherLanguageFallsBackToEnglish() {
        assertThat(Templates.render(NotificationType.WELCOME, Locale.forLanguageTag("fr"), Map.of("name", "Ada")).title())
                .isEqualTo("Welcome to Downline, Ada");
    }

    @Test
    void aMissingValueIsAnErrorAndALongOneIsCut() {
        assertThatThrownBy(() -> Templates.fill("Hi {name}", Map.of())).isInstanceOf(IllegalStateException.class);
        String filled = Templates.fill("{reason}", Map.of("reason", "x".repeat(1000)));
        assertThat(filled).hasSize(Templates.MAX_VALUE_LENGTH).endsWith("…");
    }

    @Test
    void titlesBodiesAndKeptValuesStayWithinTheirLimits() {
        String huge = "z".repeat(5000);
        Templates.Text text = Templates.render(NotificationType.INCENTIVE_AWARDED, Locale.ENGLISH,
                Map.of("program", huge, "reward", huge));
        assertThat(text.title()).hasSizeLessThanOrEqualTo(Templates.MAX_TITLE_LENGTH);
        assertThat(text.body()).hasSizeLessThanOrEqualTo(Templates.MAX_BODY_LENGTH);
        assertThat(Templates.shortened(Map.of("reason", huge)).get("reason")).hasSize(Templates.MAX_VALUE_LENGTH);
    }

    @Test
    void aValueIsInsertedLiterally() {
        assertThat(Templates.fill("Paid {amount}", Map.of("amount", "$1 \\ {x}"))).isEqualTo("Paid $1 \\ {x}");
    }
}
