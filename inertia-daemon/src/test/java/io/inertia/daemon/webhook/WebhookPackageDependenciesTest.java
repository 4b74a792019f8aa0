package io.inertia.daemon.webhook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The webhook core stays free of HTTP, Docker, git and SSH libraries (docs/architecture.md#boundaries); the handler adapts to it. */
class WebhookPackageDependenciesTest {
  @Test
  void webhookImportsNoAdapterLibraries() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.inertia.daemon.webhook");
    noClasses()
        .that()
        .resideInAPackage("io.inertia.daemon.webhook..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.javalin..", "com.github.dockerjava..", "org.eclipse.jgit..", "net.schmizz..", "com.hierynomus..",
            "jakarta.servlet..", "org.eclipse.jetty..", "io.inertia.daemon.store..", "io.inertia.daemon.http..")
        .check(classes);
  }
}
