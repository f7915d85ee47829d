package dev.evident;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of ARCHITECTURE.md: arrows point inward, and no package cycles. */
class ArchitectureTests {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.evident");
  }

  @Test
  void layersOnlyUseTheLayersBelowThem() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("cli")
        .definedBy("dev.evident.cli..")
        .layer("server")
        .definedBy("dev.evident.server..")
        .layer("mcp")
        .definedBy("dev.evident.mcp..")
        .layer("service")
        .definedBy("dev.evident.service..")
        .layer("report")
        .definedBy("dev.evident.report..")
        .layer("verify")
        .definedBy("dev.evident.verify..")
        .layer("execute")
        .definedBy("dev.evident.execute..")
        .layer("store")
        .definedBy("dev.evident.store..")
        .layer("formats")
        .definedBy("dev.evident.formats..")
        .layer("analyze")
        .definedBy("dev.evident.analyze..")
        .layer("model")
        .definedBy("dev.evident.model..")
        .withOptionalLayers(true)
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("server")
        .mayOnlyBeAccessedByLayers("cli") // evident serve starts it
        .whereLayer("mcp")
        .mayOnlyBeAccessedByLayers("cli", "server")
        .whereLayer("service")
        .mayOnlyBeAccessedByLayers("cli", "server", "mcp")
        .whereLayer("report")
        .mayOnlyBeAccessedByLayers("service")
        .whereLayer("verify")
        .mayOnlyBeAccessedByLayers("service")
        .whereLayer("execute")
        .mayOnlyBeAccessedByLayers("service")
        .whereLayer("store")
        .mayOnlyBeAccessedByLayers("service")
        .whereLayer("formats")
        .mayOnlyBeAccessedByLayers("service")
        .whereLayer("analyze")
        .mayOnlyBeAccessedByLayers("service", "report", "verify", "execute")
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers(
            "cli", "server", "mcp", "service", "report", "verify", "execute", "store", "formats",
            "analyze")
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.evident.(*)..").should().beFreeOfCycles().check(classes);
  }
}
