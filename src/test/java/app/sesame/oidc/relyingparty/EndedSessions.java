package app.sesame.oidc.relyingparty;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The portal sessions the portal said have ended, by their {@code sid}. */
final class EndedSessions {
  static final Set<String> SIDS = ConcurrentHashMap.newKeySet();
  static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

  private EndedSessions() {}
}
