package app.sesame.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;

/**
 * Runs axe-core (the WCAG 2.1 A and AA rules, and the rule that a control's accessible name holds
 * its visible label, which axe still calls experimental) on every page a browser test visits, in
 * every state it acts in: when a page is loaded, and before each click, typing, form submission or
 * keyboard and pointer sequence ({@code Actions}), once the page has settled. Each state (the page,
 * its language, its open dialogs and menus, whether it shows messages) is checked once per run, and
 * counts as checked only once axe has run on it. What axe finds, and a check that could not run on
 * a page still there, is kept and reported by {@link #assertNone} at the end of each test, with a
 * screenshot of the page. What axe could not decide by itself ("incomplete": a contrast over an
 * image, say) is listed in {@code target/accessibility-incomplete.txt} for a person to review.
 * Every state checked is also saved as a screenshot in {@code target/screenshots/pages/}.
 */
public final class Accessibility implements WebDriverListener {
  private static final String AXE = axeSource();
  private static final List<String> RULES = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();
  private static final Map<WebDriver, Accessibility> WATCHING = new ConcurrentHashMap<>();
  private static final Path INCOMPLETE = fresh(Path.of("target", "accessibility-incomplete.txt"));

  /** What names a page's state: the checks run once per state. */
  private static final String STATE =
      """
      const shown = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length)
          && getComputedStyle(e).visibility !== 'hidden';
      const ids = selector => [...document.querySelectorAll(selector)].filter(shown)
          .map(e => e.id || e.className).sort().join(',');
      const messages = [...document.querySelectorAll('.ui-messages, .ui-message, [role=alert]')]
          .some(e => shown(e) && e.textContent.trim());
      return [location.pathname, document.documentElement.lang,
          ids('.ui-dialog, [role=dialog], [role=alertdialog]'),
          ids('.ui-connected-overlay-enter-done, .ui-overlaypanel, .ui-menu-dynamic'),
          [...document.querySelectorAll('h2, h3')].filter(shown).length, messages].join('|');
      """;

  /** Whether the page is at rest: no transition, animation or PrimeFaces request under way. */
  private static final String SETTLED =
      """
      const moving = document.getAnimations().some(a => a.playState === 'running');
      const jq = window.jQuery;
      const busy = jq && (jq.active > 0 || jq(':animated').length > 0);
      const queued = window.PrimeFaces && PrimeFaces.ajax && !PrimeFaces.ajax.Queue.isEmpty();
      return document.readyState === 'complete' && !moving && !busy && !queued;
      """;

  private static final String RUN =
      """
      const done = arguments[arguments.length - 1];
      const list = results => results.map(v => v.id + ' (' + v.impact + '): ' + v.help + '\\n'
          + v.nodes.slice(0, 6).map(n => '      ' + n.target.join(' ') + ' — '
              + (n.failureSummary || '').replace(/\\s+/g, ' ')).join('\\n'));
      axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},
          resultTypes: ['violations', 'incomplete'],
          rules: {'label-content-name-mismatch': {enabled: true}}})
        .then(r => done({violations: list(r.violations), incomplete: list(r.incomplete)}))
        .catch(e => done({violations: ['axe could not run: ' + e], incomplete: []}));
      """;

  private final WebDriver raw;
  private final List<String> found = new ArrayList<>();

  private Accessibility(WebDriver raw) {
    this.raw = raw;
  }

  /** The browser, watched: every state it acts in is checked. */
  static WebDriver watch(WebDriver raw) {
    Accessibility listener = new Accessibility(raw);
    WebDriver watched = new EventFiringDecorator<>(listener).decorate(raw);
    WATCHING.put(watched, listener);
    return watched;
  }

  /**
   * Checks the page as it is now (for a state a test ends in), then fails with everything found
   * since the last call: the rule, its impact, the elements and why.
   */
  public static void assertNone(WebDriver driver) {
    Accessibility listener = WATCHING.get(driver);
    if (listener == null) {
      return;
    }
    listener.check();
    List<String> violations = listener.takeFound();
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "WCAG 2.1 AA violations found by axe-core:\n" + String.join("\n", violations));
    }
  }

  /** Stops watching a browser that is closed. */
  static void forget(WebDriver driver) {
    WATCHING.remove(driver);
  }

  private synchronized List<String> takeFound() {
    List<String> taken = List.copyOf(found);
    found.clear();
    return taken;
  }

  @Override
  public void afterGet(WebDriver driver, String url) {
    check();
  }

  @Override
  public void afterAnyNavigationCall(
      WebDriver.Navigation navigation, Method method, Object[] args, Object result) {
    check();
  }

  @Override
  public void beforeClick(WebElement element) {
    check();
  }

  @Override
  public void beforeSendKeys(WebElement element, CharSequence... keysToSend) {
    check();
  }

  @Override
  public void beforeSubmit(WebElement element) {
    check();
  }

  @Override
  public void beforePerform(WebDriver driver, Collection<Sequence> actions) {
    check();
  }

  private synchronized void check() {
    JavascriptExecutor js = (JavascriptExecutor) raw;
    String state;
    try {
      if (!settle(js)) {
        return;
      }
      state = (String) js.executeScript(STATE);
    } catch (WebDriverException e) {
      return; // the page went away before it settled: its next state is checked
    }
    if (state == null || state.startsWith("|") || CHECKED.contains(state)) {
      return;
    }
    try {
      if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
        js.executeScript(AXE);
      }
      raw.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      @SuppressWarnings("unchecked")
      Map<String, List<String>> results =
          (Map<String, List<String>>) js.executeAsyncScript(RUN, RULES);
      CHECKED.add(state);
      Browser.screenshot(raw, "pages/" + fileName(state));
      report(state, results.get("incomplete"));
      List<String> violations = results.get("violations");
      if (!violations.isEmpty()) {
        String shot = "axe-" + Integer.toHexString(state.hashCode());
        Browser.screenshot(raw, shot);
        found.add(
            "on "
                + state
                + " (target/screenshots/"
                + shot
                + ".png):\n  "
                + String.join("\n  ", violations));
      }
    } catch (WebDriverException | ClassCastException e) {
      if (state.equals(stateNow(js))) {
        found.add(
            "on "
                + state
                + ": axe could not run: "
                + e.getMessage().lines().findFirst().orElse(""));
      }
      // otherwise the page went away while it was checked: it counts as unchecked, and is
      // checked when it is seen again
    }
  }

  private static String stateNow(JavascriptExecutor js) {
    try {
      return (String) js.executeScript(STATE);
    } catch (WebDriverException e) {
      return null;
    }
  }

  /** What axe could not decide, for a person to review: one block per page state. */
  private static synchronized void report(String state, List<String> incomplete) {
    if (incomplete == null || incomplete.isEmpty()) {
      return;
    }
    try {
      Files.writeString(
          INCOMPLETE,
          "on " + state + ":\n  " + String.join("\n  ", incomplete) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file name for a page state: its path and language, then a short hash of the rest. */
  private static String fileName(String state) {
    String[] parts = state.split("\\|", 3);
    return (parts[0].replaceAll("[^a-zA-Z0-9]+", "-").replaceAll("^-|-$", "")
        + "-"
        + (parts.length > 1 ? parts[1] : "")
        + "-"
        + Integer.toHexString(state.hashCode()));
  }

  private static boolean settle(JavascriptExecutor js) {
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (Boolean.TRUE.equals(js.executeScript(SETTLED))) {
        return true;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private static Path fresh(Path report) {
    try {
      Files.deleteIfExists(report);
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String axeSource() {
    String path = "axe-core/axe.min.js";
    try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("axe-core is missing from the test classpath: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
