package org.consentplatform.bootstrap;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The shape of docs/architecture.md, enforced on the compiled code of every module. */
@AnalyzeClasses(packages = "org.consentplatform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** javax.crypto is the JDK's own (java.base), not a framework: the intake's signature rule computes an HMAC with it. */
    @ArchTest
    static final ArchRule domainDependsOnNothingButTheJdkAndPhoneNumbers = classes()
            .that().resideInAPackage("org.consentplatform.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.consentplatform.domain..", "java..", "javax.crypto..",
                    "com.google.i18n.phonenumbers..");

    @ArchTest
    static final ArchRule applicationDependsOnTheDomainAlone = classes()
            .that().resideInAPackage("org.consentplatform.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.consentplatform.application..",
                    "org.consentplatform.domain..", "java..");

    @ArchTest
    static final ArchRule noFrameworkInTheCore = noClasses()
            .that().resideInAnyPackage("org.consentplatform.domain..", "org.consentplatform.application..")
            .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                    "org.apache.kafka..", "com.fasterxml.jackson..", "tools.jackson..", "jakarta..", "javax..")
                    .and(not(resideInAPackage("javax.crypto.."))));

    @ArchTest
    static final ArchRule nothingDependsOnTheBootstrap = noClasses()
            .that().resideOutsideOfPackage("org.consentplatform.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("org.consentplatform.bootstrap..");

    @ArchTest
    static final ArchRule adaptersAreIndependentOfEachOther = slices()
            .matching("org.consentplatform.adapter.(*).(*)..").namingSlices("$1.$2")
            .should().notDependOnEachOther();

    /** The JSON API and the server-rendered pages share only what sits in {@code shared}, and it knows neither. */
    @ArchTest
    static final ArchRule theApiAndThePagesAreIndependent = slices()
            .matching("org.consentplatform.adapter.in.rest.(api|web)..").namingSlices("rest.$1")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule theSharedWebEdgePointsNowhereUp = noClasses()
            .that().resideInAPackage("org.consentplatform.adapter.in.rest.shared..")
            .should().dependOnClassesThat().resideInAnyPackage("org.consentplatform.adapter.in.rest.api..",
                    "org.consentplatform.adapter.in.rest.web..");

    @ArchTest
    static final ArchRule theRestAdapterHasNoLooseClasses = noClasses()
            .should().resideInAPackage("org.consentplatform.adapter.in.rest");

    @ArchTest
    static final ArchRule drivingAdaptersUseInPortsOnly = noClasses()
            .that().resideInAPackage("org.consentplatform.adapter.in..")
            .should().dependOnClassesThat().resideInAnyPackage("org.consentplatform.application.service..",
                    "org.consentplatform.application.port.out..");

    /**
     * The operator console is a driving adapter like the API: it reaches the platform through the
     * in-ports and nothing else, so no page reads the store or decides a rule itself.
     */
    @ArchTest
    static final ArchRule theConsoleSeesTheApplicationThroughInPortsOnly = classes()
            .that().resideInAPackage("org.consentplatform.adapter.in.console..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.consentplatform.adapter.in.console..",
                    "org.consentplatform.application.port.in..", "org.consentplatform.application.port",
                    "org.consentplatform.domain..", "java..", "jakarta.servlet..", "jakarta.validation..",
                    "org.springframework..", "org.slf4j..", "tools.jackson..");

    @ArchTest
    static final ArchRule drivenAdaptersImplementOutPortsOnly = noClasses()
            .that().resideInAPackage("org.consentplatform.adapter.out..")
            .should().dependOnClassesThat().resideInAnyPackage("org.consentplatform.application.service..",
                    "org.consentplatform.application.port.in..");

    @ArchTest
    static final ArchRule inPortsAndOutPortsAreIndependent = slices()
            .matching("org.consentplatform.application.port.(in|out)..").namingSlices("port.$1")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule noPackageCycles = slices()
            .matching("org.consentplatform.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule mappersStayInsideTheirAdapter = classes()
            .that().areAnnotatedWith("org.mapstruct.Mapper")
            .should().notBePublic()
            .andShould().resideInAPackage("org.consentplatform.adapter..");

    @ArchTest
    static final ArchRule servicesCarryNoAnnotationsOfFrameworks = noClasses()
            .that().resideInAPackage("org.consentplatform.application.service..")
            .should().beAnnotatedWith("org.springframework.stereotype.Service")
            .orShould().beAnnotatedWith("org.springframework.stereotype.Component");

    /** Everything else sees the store through its ports, so outages arrive as StorageUnavailable (see StorageOutages). */
    @ArchTest
    static final ArchRule onlyTheWiringKnowsThePersistenceAdapter = noClasses()
            .that().resideOutsideOfPackage("org.consentplatform.adapter.out.mongo..")
            .and().doNotHaveFullyQualifiedName("org.consentplatform.bootstrap.ApplicationWiring")
            .should().dependOnClassesThat().resideInAPackage("org.consentplatform.adapter.out.mongo..");

    /** Only the persistence adapter speaks to the driver; bootstrap's health and client configuration aside. */
    @ArchTest
    static final ArchRule driverExceptionsStayInThePersistenceAdapter = noClasses()
            .that().resideInAnyPackage("org.consentplatform.adapter.in..", "org.consentplatform.application..")
            .should().dependOnClassesThat().resideInAPackage("com.mongodb..");

    /**
     * springdoc names a schema by its class's simple name, so a second JSON shape of the same name
     * silently replaces the first in openapi.json (it once replaced the contacts' ContactPoint).
     */
    @ArchTest
    static void theApisJsonShapesHaveUniqueNames(JavaClasses classes) {
        Map<String, List<String>> byName = classes.stream()
                .filter(shape -> shape.getPackageName().equals("org.consentplatform.adapter.in.rest.api"))
                .filter(shape -> shape.getEnclosingClass().filter(owner -> owner.getSimpleName().endsWith("Json")).isPresent())
                .collect(Collectors.groupingBy(JavaClass::getSimpleName, Collectors.mapping(JavaClass::getName, Collectors.toList())));
        assertThat(byName.values().stream().filter(names -> names.size() > 1).toList()).isEmpty();
        assertThat(byName).as("the JSON shapes were found").containsKeys("AccessBundle", "Change");
    }
}
