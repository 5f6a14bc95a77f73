package app.sesame.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The structure the README's layout section describes, held against the compiled code: components
 * in one order, each depending only on those below it, and classes small enough to hold one
 * concern.
 */
class ArchitectureTest {
  /**
   * The components, from the top (pages that use everything) to the bottom (what everything uses);
   * the README lists them in this order.
   */
  static final List<String> COMPONENTS =
      List.of(
          "operator",
          "backoffice",
          "security",
          "recovery",
          "signin",
          "totp",
          "webauthn",
          "recoverycodes",
          "factor",
          "sms",
          "account",
          "firm",
          "audit",
          "mail",
          "platform");

  /** Entities whose fields and invariants need more room than the rule gives; see the README. */
  static final Set<String> LONG_ENTITIES = Set.of("account/entity/Account.java");

  static final int MAX_LINES = 300;
  static final int MAX_INJECTED = 5;

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.sesame");

  @Test
  void noComponentDependsOnAnotherInACycle() {
    slices().matching("app.sesame.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void eachComponentDependsOnlyOnTheOnesBelowIt() {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String component : COMPONENTS) {
      layers = layers.layer(component).definedBy("app.sesame." + component + "..");
    }
    for (int i = 0; i < COMPONENTS.size(); i++) {
      String[] above = COMPONENTS.subList(0, i).toArray(String[]::new);
      layers =
          above.length == 0
              ? layers.whereLayer(COMPONENTS.get(i)).mayNotBeAccessedByAnyLayer()
              : layers.whereLayer(COMPONENTS.get(i)).mayOnlyBeAccessedByLayers(above);
    }
    layers.check(MAIN);
  }

  @Test
  void everyComponentIsInTheOrder() {
    Set<String> found =
        MAIN.stream()
            .map(c -> c.getPackageName().split("\\.")[2])
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    assertEquals(new java.util.TreeSet<>(COMPONENTS), found);
  }

  @Test
  void insideAComponentEntitiesAndControlsDoNotReachUpToBoundaries() {
    noClasses()
        .that()
        .resideInAPackage("..entity..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..boundary..", "..control..")
        .check(MAIN);
    noClasses()
        .that()
        .resideInAPackage("..control..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..boundary..")
        .check(MAIN);
  }

  @Test
  void noClassHoldsMoreThanItsShareOfLines() throws IOException {
    Path root = Path.of("src/main/java/app/sesame");
    Map<String, Long> tooLong = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = root.relativize(file).toString();
        long lines = Files.readAllLines(file).size();
        if (lines > MAX_LINES && !LONG_ENTITIES.contains(name)) {
          tooLong.put(name, lines);
        }
      }
    }
    assertEquals(Map.of(), tooLong, "classes over " + MAX_LINES + " lines");
  }

  @Test
  void noBackingBeanInjectsMoreThanFiveBeans() {
    Map<String, Long> crowded = new TreeMap<>();
    for (JavaClass backing :
        MAIN.stream().filter(c -> c.getSimpleName().endsWith("Backing")).toList()) {
      long injected = 0;
      for (Class<?> c = backing.reflect(); c != Object.class; c = c.getSuperclass()) {
        injected +=
            Arrays.stream(c.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(Inject.class))
                .count();
      }
      if (injected > MAX_INJECTED) {
        crowded.put(backing.getSimpleName(), injected);
      }
    }
    assertEquals(Map.of(), crowded, "backing beans injecting more than " + MAX_INJECTED);
  }
}
