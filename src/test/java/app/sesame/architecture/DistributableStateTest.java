package app.sesame.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What a web session holds can leave the node that wrote it (the application is distributable):
 * every session- and view-scoped bean, and every value the code puts in a session, serialises.
 * Injected beans travel as the container's serialisable proxies; anything else a bean keeps must be
 * serialisable itself or marked transient.
 */
class DistributableStateTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.sesame");

  @Test
  void everySessionAndViewScopedBeanSerialises() {
    Map<String, String> broken = new TreeMap<>();
    int beans = 0;
    for (JavaClass bean : MAIN) {
      if (!bean.isAnnotatedWith(SessionScoped.class) && !bean.isAnnotatedWith(ViewScoped.class)) {
        continue;
      }
      beans++;
      Class<?> type = bean.reflect();
      if (!Serializable.class.isAssignableFrom(type)) {
        broken.put(type.getName(), "is not Serializable");
        continue;
      }
      for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (!keptAcross(field)) {
            broken.put(type.getName() + "." + field.getName(), field.getType().getName());
          }
        }
      }
    }
    assertTrue(beans >= 10, "the beans were found: " + beans);
    assertEquals(Map.of(), broken, "state that cannot leave its node");
  }

  @Test
  void theValuesPutInASessionSerialise() throws IOException {
    for (Object value :
        new Object[] {
          new app.sesame.account.boundary.SignedInSession(1, Instant.now(), Instant.now(), "h"),
          new app.sesame.factor.boundary.PendingCeremony("{}", Instant.now()),
          new app.sesame.signin.boundary.PendingSignIn(
              1, Instant.now(), app.sesame.signin.boundary.PendingSignIn.Stage.values()[0]),
          app.sesame.language.control.Language.FR
        }) {
      try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
        out.writeObject(value);
      }
    }
  }

  private static boolean keptAcross(Field field) {
    int modifiers = field.getModifiers();
    Class<?> type = field.getType();
    if (field.isAnnotationPresent(Inject.class)) {
      // The container serialises its own proxies; a transient one would arrive empty on the
      // other node, which does not inject the bean again.
      return !Modifier.isTransient(modifiers);
    }
    return Modifier.isStatic(modifiers)
        || Modifier.isTransient(modifiers)
        || type.isPrimitive()
        || Serializable.class.isAssignableFrom(type)
        || Collection.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type);
  }
}
