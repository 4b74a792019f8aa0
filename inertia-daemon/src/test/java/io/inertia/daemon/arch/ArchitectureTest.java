package io.inertia.daemon.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** docs/architecture.md#boundaries: the domain core and webhook parsing stay free of adapters' libraries; Javalin lives only in http/. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.inertia.daemon");

  @Test
  void deployAndWebhookUseNoAdapterLibraries() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage("io.inertia.daemon.deploy..", "io.inertia.daemon.webhook..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "io.javalin..", "org.eclipse.jetty..", "com.github.dockerjava..", "org.eclipse.jgit..",
                "net.schmizz..", "com.hierynomus..")
            .allowEmptyShould(true);
    rule.check(CLASSES);
  }

  @Test
  void javalinAndJettyOnlyInHttp() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("io.inertia.daemon.http..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..");
    rule.check(CLASSES);
  }
}
