package app.sesame.support;

import app.sesame.support.PageStates.State;
import app.sesame.support.PageStates.Visit;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The first requests a node gets, in the two ways it gets them: one at a time (a node warmed by
 * hand, or the first of a cluster before any traffic), or several at once for each page (a node
 * that joins behind a balancer already carrying people: the requests of every browser arrive
 * together). Every page of {@link PageStates} is asked for, in a state that shows it in full.
 */
public final class Warmup {
  /** How many requests for one page arrive together at a node the balancer just sent people to. */
  public static final int TOGETHER = 8;

  private Warmup() {}

  /** Asks the node for every page, one request at a time. */
  public static void oneAtATime(URI node) throws Exception {
    PageStates.Sessions sessions = new PageStates.Sessions();
    for (State state : PageStates.all()) {
      expectShown(state, state.prepare(node, sessions, 0).load(node));
    }
  }

  /**
   * Asks the node for every page, {@link #TOGETHER} requests at once for each, as their first
   * requests; the browsers are brought to their states by the other node, which is warm already.
   */
  public static void asABalancerDoes(URI node, URI other) throws Exception {
    PageStates.Sessions sessions = new PageStates.Sessions();
    ExecutorService together = Executors.newFixedThreadPool(TOGETHER);
    try {
      for (State state : PageStates.all()) {
        List<Visit> visits = new ArrayList<>();
        for (int slot = 0; slot < TOGETHER; slot++) {
          visits.add(state.prepare(other, sessions, slot));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (Visit visit : visits) {
          answers.add(
              together.submit(
                  () -> {
                    go.await();
                    return visit.load(node);
                  }));
        }
        go.countDown();
        for (Future<HttpResponse<String>> answer : answers) {
          expectShown(state, answer.get(60, TimeUnit.SECONDS));
        }
      }
    } finally {
      together.shutdownNow();
    }
  }

  private static void expectShown(State state, HttpResponse<String> page) {
    int expected = state.page().equals("not found") ? 404 : 200;
    boolean sentToSignIn =
        !state.page().startsWith("login/") && page.uri().getPath().endsWith("/login/sign-in.xhtml");
    if (page.statusCode() != expected || sentToSignIn) {
      throw new IllegalStateException(
          state + " was not shown: " + page.statusCode() + " " + page.uri());
    }
  }
}
