package app.sesame.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.account.control.PasswordHashing;
import app.sesame.settings.control.SecurityPolicy;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.PortalServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * sign-in in a new session, against the portal on Payara Micro and PostgreSQL, at 4 and then 8
 * users, each point after an unmeasured warm-up. Prints sign-ins per second, latency percentiles,
 * errors, the server's CPU per sign-in (and what is left once one hash is taken off), its resident
 * memory, the CPU of one password hash here, the limit that hash puts on sign-ins per second (cores
 * ÷ hash) and the share of that limit reached.
 *
 * <p>Run with {@code mvn -Pbenchmark verify} ({@code -Dbench.users=4,8 -Dbench.seconds=40
 * -Dbench.warmup=20}); not part of the test suite.
 */
@ExtendWith(PortalServer.class)
class SignInBenchmark {
  private final List<Integer> userCounts =
      Arrays.stream(System.getProperty("bench.users", "4,8").split(","))
          .map(String::strip)
          .map(Integer::valueOf)
          .toList();
  private final int seconds = Integer.getInteger("bench.seconds", 40);
  private final int warmup = Integer.getInteger("bench.warmup", 20);

  /** What one point of the benchmark measured. */
  private record Point(
      int users,
      double seconds,
      long signIns,
      long p50,
      long p95,
      long p99,
      int errors,
      List<String> errorSamples,
      double serverCpuSeconds,
      long rssKib) {
    double perSecond() {
      return signIns / seconds;
    }

    double cpuPerSignIn() {
      return serverCpuSeconds / Math.max(1, signIns);
    }
  }

  @Test
  void fullSignInUnderLoad() throws Exception {
    double hashCpuMillis = passwordHashCpuMillis();
    int cores = Runtime.getRuntime().availableProcessors();
    int most = userCounts.stream().mapToInt(Integer::intValue).max().orElse(8);
    // Each account's codes are accepted once per 30-second step: enough accounts for the run.
    int accounts = Math.max(200, most * 40);
    LinkedBlockingQueue<Person> pool = new LinkedBlockingQueue<>();
    for (int i = 0; i < accounts; i++) {
      pool.add(Fixtures.clientWithAuthenticator("en"));
    }
    List<Point> points = new ArrayList<>();
    List<String> tokenFigures = new ArrayList<>();
    for (int users : userCounts) {
      run(users, warmup, pool); // the JIT and the pools settle; not counted
      try (TokenEndpointLoad app = TokenEndpointLoad.start()) {
        points.add(run(users, seconds, pool));
        app.close();
        tokenFigures.add(String.format("%5d users: %s%n", users, app.figures()));
      }
    }
    double limit = cores / (hashCpuMillis / 1000);
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "%n=== Sign-in benchmark: the full browser sign-in (page, password, page, TOTP code) ===%n"
                + "password hash          Argon2id m=%d KiB, t=%d, p=%d: %.1f ms of CPU each here%n"
                + "cores                  %d, so at most %.1f sign-ins/s if the hash were all%n",
            SecurityPolicy.PASSWORD_HASH_MEMORY_KIB,
            SecurityPolicy.PASSWORD_HASH_PASSES,
            SecurityPolicy.PASSWORD_HASH_LANES,
            hashCpuMillis,
            cores,
            limit));
    report.append(
        "users  sign-ins/s  p50 ms  p95 ms  p99 ms  errors  server CPU/sign-in  of which not hash"
            + "  server RSS  share of limit\n");
    for (Point p : points) {
      report.append(
          String.format(
              "%5d  %10.2f  %6d  %6d  %6d  %6d  %15.0f ms  %14.0f ms  %7d MB  %13.0f %%%n",
              p.users(),
              p.perSecond(),
              p.p50(),
              p.p95(),
              p.p99(),
              p.errors(),
              p.cpuPerSignIn() * 1000,
              p.cpuPerSignIn() * 1000 - hashCpuMillis,
              p.rssKib() / 1024,
              100 * p.perSecond() / limit));
      if (!p.errorSamples().isEmpty()) {
        report.append("       errors: ").append(p.errorSamples()).append('\n');
      }
    }
    report.append("token endpoint (one app trading codes during the same runs):\n");
    tokenFigures.forEach(report::append);
    System.out.println(report);
    assertTrue(points.stream().allMatch(p -> p.signIns() > 0), "no sign-in succeeded: " + points);
  }

  private static Point run(int users, int seconds, LinkedBlockingQueue<Person> pool)
      throws Exception {
    ProcessHandle server = PortalServer.process();
    Duration cpuBefore = server.info().totalCpuDuration().orElse(Duration.ZERO);
    ConcurrentHistogram latencies = new ConcurrentHistogram(3);
    AtomicInteger errors = new AtomicInteger();
    List<String> errorSamples = new CopyOnWriteArrayList<>();
    Instant start = Instant.now();
    Instant end = start.plusSeconds(seconds);
    ExecutorService threads = Executors.newFixedThreadPool(users);
    for (int u = 0; u < users; u++) {
      threads.submit(
          () -> {
            while (Instant.now().isBefore(end)) {
              Person person = pool.take();
              Optional<String> fresh = Fixtures.tryFreshCode(person.totpSecret());
              if (fresh.isEmpty()) {
                pool.put(person);
                continue;
              }
              long began = System.nanoTime();
              try {
                signIn(person, fresh.get(), pool);
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
    Duration cpu = server.info().totalCpuDuration().orElse(Duration.ZERO).minus(cpuBefore);
    return new Point(
        users,
        elapsed,
        latencies.getTotalCount(),
        latencies.getValueAtPercentile(50),
        latencies.getValueAtPercentile(95),
        latencies.getValueAtPercentile(99),
        errors.get(),
        errorSamples,
        cpu.toMillis() / 1000.0,
        residentKib(server.pid()));
  }

  /** The server's resident memory, from Linux's own account of the process. */
  private static long residentKib(long pid) throws IOException {
    Path status = Path.of("/proc", String.valueOf(pid), "status");
    if (!Files.exists(status)) {
      return 0;
    }
    return Files.readAllLines(status).stream()
        .filter(line -> line.startsWith("VmRSS:"))
        .map(line -> line.replaceAll("\\D", ""))
        .mapToLong(Long::parseLong)
        .findFirst()
        .orElse(0);
  }

  /** The CPU one hash of the portal's own parameters costs here, on one thread, warmed up. */
  private static double passwordHashCpuMillis() {
    PasswordHashing hashing = new PasswordHashing(new Pbkdf2PasswordHashImpl());
    for (int i = 0; i < 20; i++) {
      hashing.hash("warm-up-Password-" + i);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int rounds = 20;
    long began = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < rounds; i++) {
      hashing.hash("Benchmark-Password-" + i);
    }
    return (threads.getCurrentThreadCpuTime() - began) / 1e6 / rounds;
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
