package app.sesame.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.account.control.PasswordHashing;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.PortalServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Load benchmark of the full sign-in as a browser makes it: the sign-in page, the password, the
 * second-step page, a fresh authenticator code, the portal's home. Concurrent virtual users, each
 * sign-in in a new session, against the portal on Payara Micro and PostgreSQL. Prints successful
 * sign-ins per second, latency percentiles, errors, and the cost of one password hash here.
 *
 * <p>Run with {@code mvn -Pbenchmark verify -Dbench.users=8 -Dbench.seconds=60}; not part of the
 * test suite.
 */
@ExtendWith(PortalServer.class)
class SignInBenchmark {
  private final int users = Integer.getInteger("bench.users", 8);
  private final int seconds = Integer.getInteger("bench.seconds", 60);

  @Test
  void fullSignInUnderLoad() throws Exception {
    double hashMillis = passwordHashMillis();
    // Each account's codes are accepted once per 30-second step: enough accounts for the run.
    int accounts = Math.max(100, users * seconds / 2);
    LinkedBlockingQueue<Person> pool = new LinkedBlockingQueue<>();
    for (int i = 0; i < accounts; i++) {
      pool.add(Fixtures.clientWithAuthenticator("en"));
    }
    Person first = pool.take();
    signIn(first, first.code(), pool); // warm-up

    ConcurrentHistogram latencies = new ConcurrentHistogram(3);
    AtomicInteger errors = new AtomicInteger();
    List<String> errorSamples = new java.util.concurrent.CopyOnWriteArrayList<>();
    Instant start = Instant.now();
    Instant end = start.plusSeconds(seconds);
    ExecutorService threads = Executors.newFixedThreadPool(users);
    for (int u = 0; u < users; u++) {
      threads.submit(
          () -> {
            while (Instant.now().isBefore(end)) {
              Person person = pool.take();
              java.util.Optional<String> fresh = Fixtures.tryFreshCode(person.totpSecret());
              if (fresh.isEmpty()) {
                pool.put(person);
                continue;
              }
              String code = fresh.get();
              long began = System.nanoTime();
              try {
                signIn(person, code, pool);
                latencies.recordValue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
              } catch (Exception | AssertionError e) {
                errors.incrementAndGet();
                if (errorSamples.size() < 5) {
                  errorSamples.add(e.toString());
                }
              }
            }
            return null;
          });
    }
    threads.shutdown();
    threads.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
    double elapsed = Duration.between(start, Instant.now()).toMillis() / 1000.0;

    long done = latencies.getTotalCount();
    System.out.printf(
        "%n=== Sign-in benchmark: password + authenticator code, full browser flow ===%n"
            + "virtual users          %d%n"
            + "duration               %.1f s%n"
            + "successful sign-ins    %d%n"
            + "sign-ins per second    %.2f%n"
            + "latency p50            %d ms%n"
            + "latency p95            %d ms%n"
            + "latency p99            %d ms%n"
            + "latency max            %d ms%n"
            + "errors                 %d %s%n"
            + "one password hash      %.0f ms (PBKDF2-HMAC-SHA256, 600,000 iterations, this machine)%n"
            + "cores                  %d%n%n",
        users,
        elapsed,
        done,
        done / elapsed,
        latencies.getValueAtPercentile(50),
        latencies.getValueAtPercentile(95),
        latencies.getValueAtPercentile(99),
        latencies.getMaxValue(),
        errors.get(),
        errorSamples,
        hashMillis,
        Runtime.getRuntime().availableProcessors());
    assertTrue(done > 0, "no sign-in succeeded: " + errorSamples);
  }

  private static double passwordHashMillis() {
    PasswordHashing hashing = new PasswordHashing(new Pbkdf2PasswordHashImpl());
    hashing.hash("warm-up-Password-1");
    int rounds = 5;
    long began = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      hashing.hash("Benchmark-Password-" + i);
    }
    return (System.nanoTime() - began) / 1e6 / rounds;
  }

  /** One complete sign-in in a new session, as a browser does it. */
  private static void signIn(Person person, String totpCode, LinkedBlockingQueue<Person> pool)
      throws IOException, InterruptedException {
    try {
      HttpBrowser browser = new HttpBrowser();
      browser.get("login/sign-in.xhtml");
      Map<String, String> credentials = new LinkedHashMap<>();
      credentials.put("signin", "signin");
      credentials.put("signin:next", "");
      credentials.put("signin:email", person.email());
      credentials.put("signin:password", person.password());
      credentials.put("signin:submit", "");
      if (!browser.submit("login/sign-in.xhtml", credentials).body().contains("id=\"second\"")) {
        throw new AssertionError("password step refused");
      }
      Map<String, String> code = new LinkedHashMap<>();
      code.put("second", "second");
      code.put("second:code", totpCode);
      code.put("second:verify", "");
      if (!browser.submit("login/second-step.xhtml", code).body().contains("id=\"welcome\"")) {
        throw new AssertionError("second step refused");
      }
    } finally {
      pool.put(person);
    }
  }
}
