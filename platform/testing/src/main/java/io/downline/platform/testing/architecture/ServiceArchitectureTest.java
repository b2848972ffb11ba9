package io.downline.platform.testing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The architecture test of a service: subclass it in the service's base package and it checks that
 * package's main classes against {@link ServiceArchitectureRules}.
 *
 * <pre>
 * package io.downline.user;
 *
 * class ArchitectureTest extends ServiceArchitectureTest {
 * }
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    private final String basePackage = getClass().getPackageName();
    private final JavaClasses mainClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(basePackage);

    @Test
    void findsTheServiceClasses() {
        assertThat(mainClasses)
                .as("main classes under %s (is the test in the service's base package?)", basePackage)
                .isNotEmpty();
    }

    @Test
    void serviceRepositoryAndDomainDoNotDependOnRestOrHttp() {
        ServiceArchitectureRules.layersBelowRestIgnoreHttp(basePackage).check(mainClasses);
    }

    @Test
    void messagingDoesNotDependOnRestOrHttp() {
        ServiceArchitectureRules.messagingIgnoresRest(basePackage).check(mainClasses);
    }

    @Test
    void restIsUsedOnlyByRest() {
        ServiceArchitectureRules.restIsUsedOnlyByRest(basePackage).check(mainClasses);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        ServiceArchitectureRules.timeComesFromTheClock(basePackage).check(mainClasses);
    }
}
