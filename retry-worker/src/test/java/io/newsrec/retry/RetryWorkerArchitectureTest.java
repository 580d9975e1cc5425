package io.newsrec.retry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.newsrec.retry", importOptions = ImportOption.DoNotIncludeTests.class)
class RetryWorkerArchitectureTest {

  /** The core (redelivery, backoff, age) sees ports and records only. */
  @ArchTest
  static final ArchRule coreUsesNoSpringNoAwsSdkNoMetrics =
      noClasses()
          .that()
          .resideInAPackage("io.newsrec.retry")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "software.amazon..",
              "io.awspring..",
              "io.micrometer..",
              "io.newsrec.delivery.kinesis..",
              "io.newsrec.delivery.sqs..",
              "io.newsrec.delivery.aws..");

  /** The SQS adapter does not reach into the wiring. */
  @ArchTest
  static final ArchRule adapterDoesNotDependOnWiring =
      noClasses()
          .that()
          .resideInAPackage("io.newsrec.retry.sqs..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.newsrec.retry.app..");
}
