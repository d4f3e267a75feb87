package dev.ff.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps ff-core a dependency-light library: no server, database or logging code may creep in. */
class CoreDependencyRulesTest {
  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            // Main classes only, whatever the build folder is called (see -Dff.target).
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("dev.ff.core");
  }

  @Test
  void core_isNotEmpty() {
    // Guards the rules below against passing vacuously on an empty import.
    org.assertj.core.api.Assertions.assertThat(core.size()).isGreaterThan(10);
  }

  @Test
  void core_dependsOnlyOnJdkJacksonRe2jAndCommonsMath() {
    classes()
        .that()
        .resideInAPackage("dev.ff.core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "javax.crypto..",
            "dev.ff.core..",
            "com.fasterxml.jackson..",
            "com.google.re2j..",
            "org.apache.commons.math3..")
        .check(core);
  }

  @Test
  void core_usesNoServerJdbcOrLoggingFramework() {
    noClasses()
        .that()
        .resideInAPackage("dev.ff.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.netty..",
            "java.sql..",
            "javax.sql..",
            "org.slf4j..",
            "ch.qos.logback..",
            "org.apache.logging..",
            "java.util.logging..",
            "java.lang.System$Logger")
        .check(core);
  }
}
