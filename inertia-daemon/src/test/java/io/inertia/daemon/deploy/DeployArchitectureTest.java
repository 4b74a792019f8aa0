package io.inertia.daemon.deploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain core stays free of adapter technologies (ports and adapters, docs/architecture.md#boundaries). */
class DeployArchitectureTest {
  @Test
  void deployImportsNoAdapterLibraries() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.inertia.daemon.deploy");
    noClasses()
        .that()
        .resideInAPackage("io.inertia.daemon.deploy..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.javalin..", "com.github.dockerjava..", "org.eclipse.jgit..", "net.schmizz..", "io.inertia.daemon.docker..",
            "io.inertia.daemon.git..", "io.inertia.daemon.store..", "io.inertia.daemon.http..")
        .check(classes);
  }
}
