package io.downline.platform.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service follows, as ArchUnit rules over a service's base package (e.g.
 * {@code io.downline.user}): {@code rest} → {@code service} → {@code repository}/{@code domain}, with
 * {@code messaging} beside {@code rest} as the other way in. {@link ServiceArchitectureTest} applies them all.
 */
public final class ServiceArchitectureRules {

    static final String PLATFORM_HTTP = "io.downline.platform.http..";
    static final String JAX_RS = "jakarta.ws.rs..";

    private ServiceArchitectureRules() {
    }

    /** Every rule below, for one service. */
    public static List<ArchRule> all(String basePackage) {
        return List.of(
                layersBelowRestIgnoreHttp(basePackage),
                messagingIgnoresRest(basePackage),
                restIsUsedOnlyByRest(basePackage),
                timeComesFromTheClock(basePackage));
    }

    /**
     * {@code service}, {@code repository} and {@code domain} never see {@code rest}, the platform's HTTP
     * package or JAX-RS: they are also called by consumers and jobs, where HTTP means nothing.
     */
    public static ArchRule layersBelowRestIgnoreHttp(String basePackage) {
        return noClasses()
                .that().resideInAnyPackage(
                        basePackage + ".service..", basePackage + ".repository..", basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + ".rest..", PLATFORM_HTTP, JAX_RS)
                .allowEmptyShould(true)
                .because("arrows point rest -> service -> repository/domain, and services never see HTTP");
    }

    /** Consumers call services, never resources, and have no HTTP request to answer. */
    public static ArchRule messagingIgnoresRest(String basePackage) {
        return noClasses()
                .that().resideInAPackage(basePackage + ".messaging..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + ".rest..", PLATFORM_HTTP, JAX_RS)
                .allowEmptyShould(true)
                .because("a consumer decodes an event and calls a service");
    }

    /** Resources and their request/response records are the outermost layer: nothing else uses them. */
    public static ArchRule restIsUsedOnlyByRest(String basePackage) {
        return classes()
                .that().resideInAPackage(basePackage + ".rest..")
                .should().onlyHaveDependentClassesThat().resideInAPackage(basePackage + ".rest..")
                .allowEmptyShould(true)
                .because("only rest builds views and reads request records");
    }

    /**
     * "Now" comes from the injected {@link Clock}, so that tests can set it: the no-argument {@code now()}
     * of the java.time types and the system clocks are off limits ({@code Instant.now(clock)} is fine).
     */
    public static ArchRule timeComesFromTheClock(String basePackage) {
        return noClasses()
                .that().resideInAPackage(basePackage + "..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .allowEmptyShould(true)
                .because("time comes from the injected java.time.Clock, which tests control");
    }
}
