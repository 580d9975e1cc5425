package io.newsrec.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The model's core (facade, algorithms, online state, evaluation) is plain Java: no Spring, AWS SDK
 * or Flink, and the algorithms know nothing of the state or the evaluation around them.
 */
class CoreArchitectureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(
              "io.newsrec.model.algo",
              "io.newsrec.model.rank",
              "io.newsrec.model.state",
              "io.newsrec.model.eval");

  private static final JavaClasses ROOT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importClasses(
              HybridRecommender.class, HybridConfig.class, Interaction.class, Recommender.class);

  @Test
  void theCoreImportsNoFrameworkOrCloudSdk() {
    for (JavaClasses classes : new JavaClasses[] {CORE, ROOT}) {
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "software.amazon..", "org.apache.flink..")
          .check(classes);
    }
  }

  @Test
  void algorithmsDependOnNeitherStateNorEvaluation() {
    noClasses()
        .that()
        .resideInAPackage("io.newsrec.model.algo..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.newsrec.model.state..", "io.newsrec.model.eval..")
        .check(CORE);
  }

  @Test
  void theLearnedRankerKnowsOnlyItsFeatureRows() {
    noClasses()
        .that()
        .resideInAPackage("io.newsrec.model.rank..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.newsrec.model.state..", "io.newsrec.model.eval..", "io.newsrec.model.algo..")
        .check(CORE);
  }

  @Test
  void theServedStateDoesNotDependOnTheEvaluation() {
    noClasses()
        .that()
        .resideInAPackage("io.newsrec.model.state..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.newsrec.model.eval..")
        .check(CORE);
  }
}
