package app.sesame.support;

import app.sesame.support.Fixtures.Person;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * People signing in without pause through a balancer, each with a password and a code of their app,
 * each sign-in in a new browser, the crowd taking turns (whoever signed in joins the back of the
 * line): the load under which a node is killed or stopped, or the key rotated. Every sign-in that
 * does not end on the portal's home is kept, with where it ended.
 */
public final class SignInLoad implements AutoCloseable {
  /** A sign-in that did not reach the portal's home. */
  public record Failure(String email, String step, int status, String uri, Instant at) {}

  private final URI balancer;
  private final ConcurrentLinkedQueue<Person> people;
  private final AtomicInteger succeeded = new AtomicInteger();
  private final List<Failure> failures = new CopyOnWriteArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ExecutorService users;

  private SignInLoad(URI balancer, List<Person> people, int users) {
    this.balancer = balancer;
    this.people = new ConcurrentLinkedQueue<>(people);
    this.users = Executors.newFixedThreadPool(users);
    for (int i = 0; i < users; i++) {
      this.users.submit(this::signInUntilStopped);
    }
  }

  /** That many people signing in at once, through the balancer, until closed. */
  public static SignInLoad start(URI balancer, int users, int sizeOfCrowd) {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < sizeOfCrowd; i++) {
      people.add(Fixtures.clientWithAuthenticator(firm, i % 2 == 0 ? "fr" : "en"));
    }
    return new SignInLoad(balancer, people, users);
  }

  public int succeeded() {
    return succeeded.get();
  }

  public List<Failure> failures() {
    return List.copyOf(failures);
  }

  /** How many sign-ins failed, and the first few, for a test's message. */
  public String failuresInShort() {
    List<Failure> all = failures();
    return all.size()
        + " failed of "
        + (all.size() + succeeded.get())
        + (all.isEmpty() ? "" : ", first: " + all.subList(0, Math.min(5, all.size())));
  }

  /** Waits until that many more sign-ins succeeded, or fails the test after the limit. */
  public void awaitMore(int more, Duration limit) throws InterruptedException {
    int target = succeeded.get() + more;
    try {
      await(() -> succeeded.get() >= target, limit, more + " more sign-ins");
    } catch (AssertionError notSeen) {
      throw new AssertionError(notSeen.getMessage() + "; " + failuresInShort(), notSeen);
    }
  }

  /** Waits for the condition, looking every 50 ms, or fails the test after the limit. */
  public static void await(BooleanSupplier condition, Duration limit, String what)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not seen within " + limit + ": " + what);
      }
      Thread.sleep(50);
    }
  }

  private void signInUntilStopped() {
    while (running.get()) {
      Person person = people.poll();
      if (person == null) {
        failures.add(new Failure("", "no one left to sign in", 0, "", Instant.now()));
        return;
      }
      signIn(person);
      // Back in line: by their next turn their app shows a new code (or they wait for it).
      people.add(person);
    }
  }

  private void signIn(Person person) {
    HttpBrowser browser = new HttpBrowser().at(balancer);
    String step = "sign-in page";
    HttpResponse<String> answer = null;
    try {
      answer = browser.get("login/sign-in.xhtml");
      if (answer.statusCode() != 200) {
        fail(person, step, answer);
        return;
      }
      step = "password";
      answer =
          browser.submit(
              "login/sign-in.xhtml",
              Map.of(
                  "signin",
                  "signin",
                  "signin:next",
                  "",
                  "signin:email",
                  person.email(),
                  "signin:password",
                  person.password(),
                  "signin:submit",
                  ""));
      if (answer.statusCode() != 200 || !answer.uri().getPath().endsWith("/second-step.xhtml")) {
        fail(person, step, answer);
        return;
      }
      step = "code";
      answer =
          browser.submit(
              "login/second-step.xhtml",
              Map.of("second", "second", "second:code", person.code(), "second:verify", ""));
      if (answer.statusCode() == 200
          && answer.uri().getPath().endsWith("/portal/index.xhtml")
          && answer.body().contains("id=\"welcome\"")) {
        succeeded.incrementAndGet();
      } else {
        fail(person, step, answer);
      }
    } catch (Exception e) {
      failures.add(
          new Failure(person.email(), step + ": " + e, 0, String.valueOf(balancer), Instant.now()));
    }
  }

  private void fail(Person person, String step, HttpResponse<String> answer) {
    failures.add(
        new Failure(
            person.email(), step, answer.statusCode(), answer.uri().toString(), Instant.now()));
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    users.shutdown();
    if (!users.awaitTermination(60, TimeUnit.SECONDS)) {
      users.shutdownNow();
    }
  }
}
