package app.sesame.support;

import app.sesame.secrets.control.Tokens;
import app.sesame.support.Fixtures.Person;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every page of the sign-in, recovery, portal, back-office and operators' journeys, each with the
 * way to bring a browser to the state in which the page shows in full: a sign-in waiting for its
 * code, for a first factor or for an enrolment code; a signed-in client, administrator or operator;
 * an activation, recovery or freeze link. A node can then be sent, page by page, the requests a
 * balancer would send it, and two nodes can be asked for the same page.
 */
public final class PageStates {
  private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

  /** A browser in the state, and the page it may now load (its token or id filled in). */
  public record Visit(HttpBrowser browser, String path) {
    /** Loads the page at the node. */
    public HttpResponse<String> load(URI node) throws IOException, InterruptedException {
      return browser.at(node).get(path);
    }
  }

  /**
   * Signed-in browsers kept for several pages: the {@code slot}-th browser of a role, signed in at
   * its first use. One set serves one round of visits; a browser is used by one request at a time.
   */
  public static final class Sessions {
    private final Map<String, HttpBrowser> browsers =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Person> people = new java.util.concurrent.ConcurrentHashMap<>();

    Person person(String role, int slot) {
      return people.computeIfAbsent(
          role + slot,
          k ->
              switch (role) {
                case "CLIENT" -> Fixtures.clientWithAuthenticator("en");
                case "FIRM_ADMIN" ->
                    Fixtures.person(
                        Fixtures.firm(Fixtures.unique("Cabinet"), true), "FIRM_ADMIN", "en");
                default -> Fixtures.person(platformFirm(), role, "en");
              });
    }

    HttpBrowser browser(URI node, String role, int slot) throws IOException, InterruptedException {
      HttpBrowser browser = browsers.get(role + slot);
      if (browser == null) {
        browser = signedIn(node, person(role, slot));
        browsers.put(role + slot, browser);
      }
      return browser;
    }
  }

  /** Brings a browser, at the given node, to a state: a new one, or one of the sessions. */
  @FunctionalInterface
  public interface Preparation {
    Visit prepare(URI node, Sessions sessions, int slot) throws IOException, InterruptedException;
  }

  /** A page and how to reach it. */
  public record State(String page, Preparation preparation) {
    public Visit prepare(URI node, Sessions sessions, int slot)
        throws IOException, InterruptedException {
      return preparation.prepare(node, sessions, slot);
    }

    @Override
    public String toString() {
      return page;
    }
  }

  private PageStates() {}

  /** Every page, in the order a person meets them. */
  public static List<State> all() {
    List<State> states = new ArrayList<>();
    for (String page : List.of("sign-in", "lost", "new-link")) {
      states.add(
          new State(
              "login/" + page, (node, sessions, slot) -> new Visit(fresh(node), login(page))));
    }
    states.add(
        new State(
            "login/activate",
            (node, sessions, slot) ->
                tokenPage(node, "activate", Fixtures.invitedAccount("en"), "ACTIVATION")));
    states.add(
        new State(
            "login/recover",
            (node, sessions, slot) ->
                tokenPage(
                    node,
                    "recover",
                    Fixtures.person(Fixtures.selfServiceFirm(), "CLIENT", "en").id(),
                    "RECOVERY")));
    states.add(
        new State(
            "login/freeze",
            (node, sessions, slot) ->
                tokenPage(node, "freeze", Fixtures.clientWithAuthenticator("en").id(), "FREEZE")));
    states.add(
        new State(
            "login/second-step",
            (node, sessions, slot) ->
                password(node, Fixtures.clientWithAuthenticator("en"), "second-step")));
    states.add(
        new State(
            "login/setup",
            (node, sessions, slot) ->
                password(
                    node,
                    Fixtures.person(
                        Fixtures.firm(Fixtures.unique("Cabinet"), true), "CLIENT", "en"),
                    "setup")));
    states.add(
        new State(
            "login/enrolment-code",
            (node, sessions, slot) -> password(node, awaitingCode(), "enrolment-code")));
    for (String page : List.of("index", "security")) {
      states.add(
          new State(
              "portal/" + page,
              (node, sessions, slot) ->
                  new Visit(sessions.browser(node, "CLIENT", slot), "portal/" + page + ".xhtml")));
    }
    for (String page : List.of("index", "dashboard", "audit", "firm", "apps", "security")) {
      states.add(
          new State(
              "backoffice/" + page,
              (node, sessions, slot) ->
                  new Visit(
                      sessions.browser(node, "FIRM_ADMIN", slot),
                      "backoffice/" + page + ".xhtml")));
    }
    states.add(
        new State(
            "backoffice/client",
            (node, sessions, slot) -> {
              HttpBrowser admin = sessions.browser(node, "FIRM_ADMIN", slot);
              Person client =
                  Fixtures.clientWithAuthenticator(
                      sessions.person("FIRM_ADMIN", slot).firmId(), "en");
              return new Visit(admin, "backoffice/client.xhtml?id=" + client.id());
            }));
    for (String page : List.of("index", "security")) {
      states.add(
          new State(
              "operator/" + page,
              (node, sessions, slot) ->
                  new Visit(
                      sessions.browser(node, "OPERATOR", slot), "operator/" + page + ".xhtml")));
    }
    states.add(
        new State(
            "not found", (node, sessions, slot) -> new Visit(fresh(node), "no-such-page.xhtml")));
    return states;
  }

  /**
   * The ids of the page's elements, in document order: the components' client ids and the page's
   * own. Two nodes that would restore each other's forms give the same list.
   */
  public static List<String> ids(String html) {
    List<String> ids = new ArrayList<>();
    Matcher id = ID.matcher(html);
    while (id.find()) {
      ids.add(id.group(1));
    }
    return ids;
  }

  private static HttpBrowser fresh(URI node) {
    return new HttpBrowser().at(node);
  }

  private static String login(String page) {
    return "login/" + page + ".xhtml";
  }

  private static Visit tokenPage(URI node, String page, long accountId, String purpose) {
    return new Visit(fresh(node), login(page) + "?token=" + link(accountId, purpose));
  }

  /** A browser whose password was accepted, on the page the sign-in goes on with. */
  private static Visit password(URI node, Person person, String next)
      throws IOException, InterruptedException {
    HttpBrowser browser = fresh(node);
    browser.get("login/sign-in.xhtml");
    HttpResponse<String> answer = browser.submitPassword(person.email(), person.password());
    if (!answer.uri().getPath().endsWith(login(next))) {
      throw new IllegalStateException(person.email() + " is not on " + next + ": " + answer.uri());
    }
    return new Visit(browser, login(next));
  }

  private static HttpBrowser signedIn(URI node, Person person)
      throws IOException, InterruptedException {
    HttpBrowser browser = fresh(node);
    HttpResponse<String> home = browser.signIn(person);
    if (home.uri().getPath().startsWith("/login/")) {
      throw new IllegalStateException(person.email() + " is not signed in: " + home.uri());
    }
    return browser;
  }

  private static long platformFirm() {
    return ((Number) Fixtures.row("select id from firm where platform = true").get("id"))
        .longValue();
  }

  /** A client whose accountant reset the factors and handed over an enrolment code. */
  private static Person awaitingCode() {
    Person client =
        Fixtures.person(Fixtures.firm(Fixtures.unique("Cabinet"), true), "CLIENT", "en");
    Fixtures.update("update account set enrolment_code_pending = true where id = ?", client.id());
    link(client.id(), "ENROLMENT");
    return client;
  }

  /** A new token of the account for the purpose, as its mail or the accountant would give it. */
  private static String link(long accountId, String purpose) {
    String token = Tokens.newToken();
    Fixtures.update(
        "insert into action_token (account_id, purpose, token_hash, created_at, expires_at)"
            + " values (?, ?, ?, now(), now() + interval '5 minutes')",
        accountId,
        purpose,
        Tokens.hash(token));
    return token;
  }
}
