package io.newsrec.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core (collection use case, rate limiting) knows no framework, SDK or metrics library. */
@AnalyzeClasses(
    packages = "io.newsrec.ingest",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule theCoreImportsNoFramework =
      noClasses()
          .that()
          .resideInAnyPackage("io.newsrec.ingest.collect..", "io.newsrec.ingest.ratelimit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "software.amazon..",
              "org.apache.flink..",
              "io.micrometer..",
              "jakarta.servlet..");

  @ArchTest
  static final ArchRule theCoreDoesNotReachIntoTheAdapters =
      noClasses()
          .that()
          .resideInAnyPackage("io.newsrec.ingest.collect..", "io.newsrec.ingest.ratelimit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.newsrec.ingest.web..", "io.newsrec.ingest.config..", "io.newsrec.delivery.aws..");
}
