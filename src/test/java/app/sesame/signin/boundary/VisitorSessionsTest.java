package app.sesame.signin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.sesame.account.boundary.SignedInSession;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which sessions give way when visitors' sessions are over the limit (three here). */
class VisitorSessionsTest {
  private final VisitorSessions visitors = new VisitorSessions(3);
  private final List<String> invalidated = new ArrayList<>();

  @Test
  void theOldestVisitorGivesWayToTheNewest() {
    HttpSession first = opened("first");
    opened("second");
    opened("third");
    assertEquals(List.of(), invalidated);
    opened("fourth");
    opened("fifth");
    assertEquals(List.of("first", "second"), invalidated);
    visitors.sessionDestroyed(new HttpSessionEvent(first));
    opened("sixth");
    assertEquals(List.of("first", "second", "third"), invalidated);
  }

  @Test
  void aSessionThatBeganASignInOrAProofNeverGivesWay() {
    HttpSession signedIn = opened("signed-in");
    HttpSession halfWay = opened("half-way");
    HttpSession recovering = opened("recovering");
    visitors.attributeAdded(
        new HttpSessionBindingEvent(signedIn, SignedInSession.ATTRIBUTE, "anything"));
    visitors.attributeAdded(
        new HttpSessionBindingEvent(halfWay, PendingSignIn.ATTRIBUTE, "anything"));
    visitors.sessionIdChanged(new HttpSessionEvent(session("recovering, new id")), "recovering");
    visitors.attributeAdded(new HttpSessionBindingEvent(opened("visitor"), "language", "fr"));
    for (int i = 0; i < 5; i++) {
      opened("flood " + i);
    }
    assertEquals(List.of("visitor", "flood 0", "flood 1"), invalidated);
  }

  private HttpSession opened(String id) {
    HttpSession session = session(id);
    visitors.sessionCreated(new HttpSessionEvent(session));
    return session;
  }

  /** A session that knows its id and tells when it is invalidated. */
  private HttpSession session(String id) {
    return (HttpSession)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {HttpSession.class},
            (proxy, method, arguments) ->
                switch (method.getName()) {
                  case "getId" -> id;
                  case "invalidate" -> {
                    invalidated.add(id);
                    yield null;
                  }
                  case "hashCode" -> id.hashCode();
                  case "equals" -> proxy == arguments[0];
                  default -> null;
                });
  }
}
