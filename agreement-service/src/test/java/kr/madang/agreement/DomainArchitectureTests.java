package kr.madang.agreement;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The aggregate and its state machine stay plain Java: no Spring, Kafka, Avro, JDBC or JSON in kr.madang.agreement.mou. */
class DomainArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("kr.madang.agreement");

    @Test
    void theDomainDependsOnNoFrameworkOrTransport() {
        noClasses().that().resideInAPackage("kr.madang.agreement.mou..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "org.apache.avro..", "kr.madang.events..", "kr.madang.platform..", "java.sql..", "javax.sql..",
                        "tools.jackson..", "com.fasterxml..", "jakarta..")
                .check(CLASSES);
    }

    @Test
    void theDomainDoesNotReachIntoTheLayersAroundIt() {
        noClasses().that().resideInAPackage("kr.madang.agreement.mou..")
                .should().dependOnClassesThat().resideOutsideOfPackages("kr.madang.agreement.mou..", "java..")
                .check(CLASSES);
    }
}
