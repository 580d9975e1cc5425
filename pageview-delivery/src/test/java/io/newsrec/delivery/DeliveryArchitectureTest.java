package io.newsrec.delivery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "io.newsrec.delivery",
    importOptions = ImportOption.DoNotIncludeTests.class)
class DeliveryArchitectureTest {

  /** The ports and the message format are what the services' cores see: no SDK types in them. */
  @ArchTest
  static final ArchRule portsUseNoAwsSdkNorSpring =
      noClasses()
          .that()
          .resideInAPackage("io.newsrec.delivery")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("software.amazon..", "org.springframework..");

  /** Adapters depend on ports, never the other way, and not on each other. */
  @ArchTest
  static final ArchRule adaptersAreIndependent =
      noClasses()
          .that()
          .resideInAPackage("io.newsrec.delivery.kinesis..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.newsrec.delivery.sqs..");
}
