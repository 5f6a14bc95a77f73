package app.sesame.mail.control;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;

/** The mail templates the components declare, found in the compiled code. */
final class DeclaredTemplates {
  private DeclaredTemplates() {}

  static List<MailTemplate> all() {
    List<MailTemplate> found = new ArrayList<>();
    new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.sesame")
            .stream()
            .flatMap(c -> c.getFields().stream())
            .filter(f -> f.getModifiers().contains(JavaModifier.STATIC))
            .filter(f -> f.getRawType().isEquivalentTo(MailTemplate.class))
            .map(JavaField::reflect)
            .forEach(
                f -> {
                  try {
                    f.setAccessible(true);
                    found.add((MailTemplate) f.get(null));
                  } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                  }
                });
    return found;
  }
}
