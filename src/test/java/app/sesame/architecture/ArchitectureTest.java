package app.sesame.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.sesame.factor.boundary.SecondFactor;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The structure the design describes, held against the compiled code: components in five layers,
 * each depending only on its own layer or those below, never in a cycle; the kinds of second factor
 * known only through the factor contract; classes small enough to hold one concern.
 */
class ArchitectureTest {
  /** The layers as the design intends them, from the pages down to what everything uses. */
  enum Layer {
    PAGES("backoffice", "onboarding", "operator", "security", "start"),
    FLOWS("signin", "recovery", "oidc"),
    FACTORS("factor", "totp", "webauthn", "recoverycodes"),
    DOMAIN("account", "firm", "audit", "sms"),
    INFRASTRUCTURE(
        "mail", "settings", "database", "secrets", "language", "web", "limits", "health");

    final List<String> components;

    Layer(String... components) {
      this.components = List.of(components);
    }

    String[] packages() {
      return components.stream().map(c -> "app.sesame." + c + "..").toArray(String[]::new);
    }
  }

  /** The component that holds the contract every kind of second factor fulfils. */
  static final String CONTRACT = "factor";

  static final int MAX_LINES = 300;
  static final int MAX_INJECTED = 5;

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.sesame");

  private static String component(JavaClass c) {
    return c.getPackageName().split("\\.")[2];
  }

  @Test
  void noComponentDependsOnAnotherInACycle() {
    slices().matching("app.sesame.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void eachLayerDependsOnlyOnItselfAndTheLayersBelow() {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    Layer[] all = Layer.values();
    for (Layer layer : all) {
      layers = layers.layer(layer.name()).definedBy(layer.packages());
    }
    for (int i = 1; i < all.length; i++) {
      String[] above = Arrays.stream(all).limit(i).map(Layer::name).toArray(String[]::new);
      layers = layers.whereLayer(all[i].name()).mayOnlyBeAccessedByLayers(above);
    }
    layers.whereLayer(all[0].name()).mayNotBeAccessedByAnyLayer().check(MAIN);
  }

  @Test
  void everyComponentHasItsLayer() {
    Set<String> declared =
        Arrays.stream(Layer.values())
            .flatMap(l -> l.components.stream())
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> found =
        MAIN.stream()
            .map(ArchitectureTest::component)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(declared, found);
  }

  /**
   * The kinds are found, not listed: every component holding a concrete {@code SecondFactor} is a
   * kind, and the factors' layer is the contract and the kinds, nothing else.
   */
  @Test
  void theFactorsLayerIsTheContractAndTheKinds() {
    Set<String> kinds = kinds();
    Set<String> expected = new TreeSet<>(Layer.FACTORS.components);
    expected.remove(CONTRACT);
    assertEquals(expected, kinds);
  }

  /** Nothing but the kind itself names a kind: the contract finds them at run time. */
  @Test
  void nothingOutsideAKindNamesIt() {
    for (String kind : kinds()) {
      noClasses()
          .that()
          .resideOutsideOfPackage("app.sesame." + kind + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("app.sesame." + kind + "..")
          .as("nothing outside " + kind + " names it")
          .check(MAIN);
    }
  }

  private static Set<String> kinds() {
    return MAIN.stream()
        .filter(c -> c.isAssignableTo(SecondFactor.class))
        .filter(c -> !c.isInterface() && !c.getModifiers().contains(JavaModifier.ABSTRACT))
        .map(ArchitectureTest::component)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Inside a component, entities know neither its controls nor its boundaries; controls know no
   * boundary.
   */
  @Test
  void insideAComponentEntitiesAndControlsDoNotReachUpToBoundaries() {
    for (Layer layer : Layer.values()) {
      for (String component : layer.components) {
        String root = "app.sesame." + component;
        noClasses()
            .that()
            .resideInAPackage(root + ".entity..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(root + ".boundary..", root + ".control..")
            .allowEmptyShould(true)
            .check(MAIN);
        noClasses()
            .that()
            .resideInAPackage(root + ".control..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(root + ".boundary..")
            .allowEmptyShould(true)
            .check(MAIN);
      }
    }
  }

  /** A class over the limit holds two concerns; there is no exemption. */
  @Test
  void noClassHoldsMoreThanItsShareOfLines() throws IOException {
    Path root = Path.of("src/main/java/app/sesame");
    Map<String, Long> tooLong = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        long lines = Files.readAllLines(file).size();
        if (lines > MAX_LINES) {
          tooLong.put(root.relativize(file).toString(), lines);
        }
      }
    }
    assertEquals(Map.of(), tooLong, "classes over " + MAX_LINES + " lines");
  }

  /** Every bean a page can name, whatever it is called, injects at most five beans. */
  @Test
  void noNamedBeanInjectsMoreThanFiveBeans() {
    Map<String, Long> crowded = new TreeMap<>();
    for (JavaClass bean : MAIN.stream().filter(c -> c.isAnnotatedWith(Named.class)).toList()) {
      long injected = 0;
      for (Class<?> c = bean.reflect(); c != Object.class; c = c.getSuperclass()) {
        injected +=
            Arrays.stream(c.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(Inject.class))
                .count();
      }
      if (injected > MAX_INJECTED) {
        crowded.put(bean.getName(), injected);
      }
    }
    assertEquals(Map.of(), crowded, "named beans injecting more than " + MAX_INJECTED);
  }
}
