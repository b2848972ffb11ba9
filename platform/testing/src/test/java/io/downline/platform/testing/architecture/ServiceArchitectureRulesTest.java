package io.downline.platform.testing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/** The rules against two tiny services under {@code sample}: one that keeps its layers, one that breaks each rule. */
class ServiceArchitectureRulesTest {

    private static final String SAMPLE = "io.downline.platform.testing.architecture.sample";
    private static final String GOOD = SAMPLE + ".good";
    private static final String BAD = SAMPLE + ".bad";

    private final JavaClasses classes = new ClassFileImporter().importPackages(SAMPLE);

    @Test
    void aServiceThatKeepsItsLayersPassesEveryRule() {
        for (ArchRule rule : ServiceArchitectureRules.all(GOOD)) {
            assertThat(violations(rule)).as(rule.getDescription()).isEmpty();
        }
    }

    @Test
    void serviceRepositoryAndDomainMustNotReachRestOrHttp() {
        List<String> violations = violations(ServiceArchitectureRules.layersBelowRestIgnoreHttp(BAD));

        assertThat(violations)
                .anySatisfy(v -> assertThat(v).contains("GadgetService.create", "bad.rest.GadgetView"))
                .anySatisfy(v -> assertThat(v).contains("Gadget.view", "bad.rest.GadgetView"))
                .anySatisfy(v -> assertThat(v).contains("GadgetRepository.lastDelivery",
                        "io.downline.platform.http.StandInProblem"))
                .noneSatisfy(v -> assertThat(v).containsAnyOf("GadgetResource.create", "GadgetConsumer"));
    }

    @Test
    void messagingMustNotReachRest() {
        List<String> violations = violations(ServiceArchitectureRules.messagingIgnoresRest(BAD));

        assertThat(violations)
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains("GadgetConsumer", "bad.rest.GadgetResource"));
    }

    @Test
    void restMustBeUsedOnlyByRest() {
        List<String> violations = violations(ServiceArchitectureRules.restIsUsedOnlyByRest(BAD));

        assertThat(violations)
                .anySatisfy(v -> assertThat(v).contains("GadgetService.create", "GadgetView"))
                .anySatisfy(v -> assertThat(v).contains("GadgetConsumer", "GadgetResource"))
                .noneSatisfy(v -> assertThat(v).startsWith("Method <" + BAD + ".rest."));
    }

    @Test
    void nowMustComeFromTheInjectedClock() {
        List<String> violations = violations(ServiceArchitectureRules.timeComesFromTheClock(BAD));

        assertThat(violations)
                .hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("Gadget.named", "java.time.Instant.now()"))
                .anySatisfy(v -> assertThat(v).contains("GadgetRepository.deliveredToday",
                        "java.time.LocalDate.now()"));
    }

    private List<String> violations(ArchRule rule) {
        return rule.evaluate(classes).getFailureReport().getDetails();
    }
}
