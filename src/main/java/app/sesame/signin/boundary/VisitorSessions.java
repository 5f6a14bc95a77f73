package app.sesame.signin.boundary;

import app.sesame.account.boundary.SignedInSession;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The sessions of visitors who have not signed in. Every page with a form opens one (Faces keeps
 * the page's views in it, some 6 KB), for the idle limit of half an hour, and nothing ties it to
 * anyone until a password or a key is right. A client asking for the sign-in page again and again
 * would fill the heap with them: ninety seconds of it from one client left a node collecting
 * garbage back to back, its sign-ins down from 37 to 2 a second, until the sessions expired. The
 * node keeps the most recent ones, up to a quarter of its heap; the oldest give way, and their
 * page, if posted, says that it expired. A session that has begun a sign-in, or whose id changed
 * with a step of proof (a recovery link opened), is no longer a visitor's.
 */
@WebListener
public class VisitorSessions
    implements HttpSessionListener, HttpSessionAttributeListener, HttpSessionIdListener {
  private static final Logger LOG = Logger.getLogger(VisitorSessions.class.getName());

  /** A visitor's session at most: a page's views and the container's own share, with room. */
  static final long SESSION_BYTES = 8 * 1024;

  private final int limit;

  /** Oldest first. */
  private final Map<String, HttpSession> visitors = new LinkedHashMap<>();

  private long lastWarning;

  /** As many as a quarter of this node's heap holds. */
  public VisitorSessions() {
    this((int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 4 / SESSION_BYTES));
  }

  VisitorSessions(int limit) {
    this.limit = limit;
  }

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    HttpSession oldest = null;
    synchronized (visitors) {
      visitors.put(event.getSession().getId(), event.getSession());
      if (visitors.size() > limit) {
        Iterator<HttpSession> first = visitors.values().iterator();
        oldest = first.next();
        first.remove();
        warnAtMostEveryMinute();
      }
    }
    if (oldest != null) {
      try {
        oldest.invalidate();
      } catch (IllegalStateException alreadyEnded) {
        // It ended meanwhile: nothing left to free.
      }
    }
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    forget(event.getSession());
  }

  @Override
  public void attributeAdded(HttpSessionBindingEvent event) {
    if (SignedInSession.ATTRIBUTE.equals(event.getName())
        || PendingSignIn.ATTRIBUTE.equals(event.getName())) {
      forget(event.getSession());
    }
  }

  @Override
  public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
    forget(oldSessionId);
  }

  private void forget(HttpSession session) {
    forget(session.getId());
  }

  private void forget(String id) {
    synchronized (visitors) {
      visitors.remove(id);
    }
  }

  private void warnAtMostEveryMinute() {
    long now = System.currentTimeMillis();
    if (now - lastWarning > 60_000) {
      lastWarning = now;
      LOG.warning(
          () ->
              "Sessions of visitors who have not signed in reached this node's limit of "
                  + limit
                  + " (a quarter of the heap): the oldest give way to new ones");
    }
  }
}
