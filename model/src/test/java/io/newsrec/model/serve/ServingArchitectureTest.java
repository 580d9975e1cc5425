package io.newsrec.model.serve;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The container side of the model keeps the AWS SDK in its Kinesis adapter: serving, training and
 * the stream core see only the {@code InteractionSource} port and domain records.
 */
class ServingArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(
              "io.newsrec.model.serve", "io.newsrec.model.train", "io.newsrec.model.stream");

  @Test
  void onlyTheKinesisAdapterUsesTheAwsSdk() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.newsrec.model.stream.kinesis..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon..")
        .check(CLASSES);
  }

  @Test
  void noSpringInTheContainer() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .check(CLASSES);
  }

  @Test
  void theStreamCoreDoesNotKnowItsAdapter() {
    noClasses()
        .that()
        .resideInAPackage("io.newsrec.model.stream")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.newsrec.model.stream.kinesis..")
        .check(CLASSES);
  }
}
