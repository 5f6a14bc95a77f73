package app.sesame.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The kinds of audit event are declared by the components that record them: together their names
 * must stay unique (the trail stores only the name), and each has its label in both languages.
 */
class AuditTypesTest {
  private static List<AuditType> declared() {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.sesame")
            .stream()
            .filter(c -> c.isEnum() && c.isAssignableTo(AuditType.class))
            .map(JavaClass::reflect)
            // not the class of a constant with a body of its own, whose enum is listed already
            .filter(Class::isEnum)
            .flatMap(c -> List.of((AuditType[]) c.getEnumConstants()).stream())
            .toList();
  }

  @Test
  void everyNameIsDeclaredByOneComponentOnly() {
    Map<String, String> owners = new HashMap<>();
    Set<String> twice = new TreeSet<>();
    for (AuditType type : declared()) {
      String owner = type.getClass().getName();
      if (owners.putIfAbsent(type.name(), owner) != null) {
        twice.add(type.name() + " in " + owners.get(type.name()) + " and " + owner);
      }
    }
    assertEquals(Set.of(), twice);
    assertTrue(owners.size() > 50, "the components' types were found: " + owners.size());
  }

  @Test
  void everyTypeHasItsLabelInBothLanguagesAndEveryLabelItsType() {
    Set<String> names = new TreeSet<>();
    declared().forEach(t -> names.add(t.name()));
    for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH)) {
      ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", language);
      Set<String> labelled = new TreeSet<>();
      bundle.keySet().stream()
          .filter(k -> k.startsWith("audit.type."))
          .forEach(k -> labelled.add(k.substring("audit.type.".length())));
      assertEquals(names, labelled, "audit labels in " + language);
    }
  }
}
