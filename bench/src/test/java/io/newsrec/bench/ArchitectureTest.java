package io.newsrec.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The load generator and the stub stay free of Spring and the AWS SDK: they must cost little and
 * measure the service, not a client library (the stub answers the SDK; it does not use it).
 */
@AnalyzeClasses(packages = "io.newsrec.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule loadAndStubUseNoFrameworks =
      noClasses()
          .that()
          .resideInAnyPackage("..bench.load..", "..bench.stub..", "..bench.traffic..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("software.amazon.awssdk..", "org.springframework..");

  @ArchTest
  static final ArchRule nothingUsesSpring =
      noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..");
}
