package io.upwatch.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the design, checked on the compiled classes of every module: the roles share
 * only the contract modules and never use each other, the shared modules know no role, and no two
 * packages depend on each other in a cycle.
 */
class ArchitectureTests {

  private static final List<String> MODULES =
      List.of("common", "schema", "api-server", "local-worker", "monitoring-worker", "launcher");

  private static JavaClasses classes;

  @BeforeAll
  static void importModules() {
    Path root = Path.of(System.getProperty("upwatch.root", "..")).toAbsolutePath().normalize();
    List<Path> compiled =
        MODULES.stream()
            .map(module -> root.resolve(module).resolve("target/classes"))
            .filter(Files::isDirectory)
            .toList();
    if (compiled.size() != MODULES.size()) {
      throw new IllegalStateException("Build every module first; found only " + compiled);
    }
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPaths(compiled);
  }

  @Test
  void apiServerUsesNoOtherRole() {
    noClasses()
        .that()
        .resideInAPackage("io.upwatch.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.upwatch.localworker..", "io.upwatch.monitoringworker..")
        .check(classes);
  }

  @Test
  void localWorkerUsesNoOtherRole() {
    noClasses()
        .that()
        .resideInAPackage("io.upwatch.localworker..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.upwatch.api..", "io.upwatch.monitoringworker..")
        .check(classes);
  }

  @Test
  void monitoringWorkerUsesNoOtherRole() {
    noClasses()
        .that()
        .resideInAPackage("io.upwatch.monitoringworker..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.upwatch.api..", "io.upwatch.localworker..")
        .check(classes);
  }

  @Test
  void sharedModulesKnowNoRole() {
    noClasses()
        .that()
        .resideInAnyPackage("io.upwatch.common..", "io.upwatch.schema..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.upwatch.api..", "io.upwatch.localworker..", "io.upwatch.monitoringworker..")
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("io.upwatch.(**)").should().beFreeOfCycles().check(classes);
  }
}
