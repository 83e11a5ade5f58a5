package kr.madang.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Services share nothing but the schemas module and the topics: no class of one imports another's. */
class ServiceBoundariesArchitectureTests {

    static final String[] SERVICES = {"registration", "agreement", "notification"};

    static final JavaClasses MADANG = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kr.madang");

    @Test
    void noServiceDependsOnAnotherService() {
        for (String service : SERVICES) {
            for (String other : SERVICES) {
                if (!service.equals(other)) {
                    noClasses().that().resideInAPackage("kr.madang." + service + "..")
                            .should().dependOnClassesThat().resideInAPackage("kr.madang." + other + "..")
                            .because("services talk only through Avro events on Kafka")
                            .check(MADANG);
                }
            }
        }
    }

    @Test
    void theSharedModulesDependOnNoService() {
        for (String service : SERVICES) {
            noClasses().that().resideInAnyPackage("kr.madang.schemas..", "kr.madang.events..", "kr.madang.platform..")
                    .should().dependOnClassesThat().resideInAPackage("kr.madang." + service + "..")
                    .check(MADANG);
        }
    }

    @Test
    void everyServiceIsOnTheClasspathBeingChecked() {
        for (String service : SERVICES) {
            org.assertj.core.api.Assertions.assertThat(MADANG.stream()
                    .anyMatch(c -> c.getPackageName().startsWith("kr.madang." + service)))
                    .as(service + " classes imported").isTrue();
        }
    }
}
