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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Load benchmark of the full sign-in as a browser makes it: the sign-in page, the password, the
 * second-step page, a fresh authenticator code, the portal's home. Concurrent virtual users, each
 * sign-in in a new session, against the portal on Payara Micro and PostgreSQL, at 4 and then 8
 * users, each point after an unmeasured warm-up. Prints sign-ins per second, requests per sign-in,
 * latency percentiles, errors, the server's CPU per sign-in (whole, its password-hashing threads'
 * part, the rest), its resident memory, the CPU of one password hash here, the limit that hash puts
 * on sign-ins per second (cores ÷ hash) and the share of that limit reached. Enough accounts for
 * that limit; an account whose code is spent waits in a delay queue, without spinning.
 *
 * <p>Run with {@code mvn -Pbenchmark verify} ({@code -Dbench.users=4,8 -Dbench.seconds=40
 * -Dbench.warmup=60}); not part of the test suite.
 */
@ExtendWith(PortalServer.class)
class SignInBenchmark {
  private final List<Integer> userCounts =
      Arrays.stream(System.getProperty("bench.users", "4,8").split(","))
          .map(String::strip)
          .map(Integer::valueOf)
          .toList();
  private final int seconds = Integer.getInteger("bench.seconds", 40);
  private final int warmup = Integer.getInteger("bench.warmup", 60);

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
      double hashingCpuSeconds,
      long requests,
      long rssKib) {
    double perSecond() {
      return signIns / seconds;
    }

    double cpuPerSignIn() {
      return serverCpuSeconds / Math.max(1, signIns);
    }

    double requestsPerSignIn() {
      return (double) requests / Math.max(1, signIns);
    }

    double hashingCpuPerSignIn() {
      return hashingCpuSeconds / Math.max(1, signIns);
    }
  }

  @Test
  void fullSignInUnderLoad() throws Exception {
    double hashCpuMillis = passwordHashCpuMillis();
    int cores = Runtime.getRuntime().availableProcessors();
    double limit = cores / (hashCpuMillis / 1000);
    // Each account's codes are accepted once per 30-second step: enough accounts for the hash-bound
    // limit, with a quarter to spare, so that the load never waits for a code.
    int accounts = Math.max(200, (int) Math.ceil(limit * 30 * 1.25));
    long firm = Fixtures.firm(Fixtures.unique("Bench"));
    DelayQueue<Turn> pool = new DelayQueue<>();
    for (int i = 0; i < accounts; i++) {
      pool.add(Turn.next(Fixtures.clientWithAuthenticator(firm, "en")));
    }
    List<Point> points = new ArrayList<>();
    List<String> tokenFigures = new ArrayList<>();
    for (int users : userCounts) {
      run(users, warmup, pool); // the JIT and the pools settle; not counted
      points.add(run(users, seconds, pool));
      // The token endpoint under the same sign-in load, in a run of its own so that its work does
      // not count in the sign-ins' CPU.
      try (TokenEndpointLoad app = TokenEndpointLoad.start()) {
        run(users, Math.max(10, seconds / 2), pool);
        app.close();
        tokenFigures.add(String.format("%5d users: %s%n", users, app.figures()));
      }
    }
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "%n=== Sign-in benchmark: the full browser sign-in (page, password, page, TOTP code) ===%n"
                + "password hash          Argon2id m=%d KiB, t=%d, p=%d: %.1f ms of CPU each here%n"
                + "cores                  %d, so at most %.1f sign-ins/s if the hash were all%n"
                + "accounts               %d with an authenticator app each (one code per 30 s)%n",
            SecurityPolicy.PASSWORD_HASH_MEMORY_KIB,
            SecurityPolicy.PASSWORD_HASH_PASSES,
            SecurityPolicy.PASSWORD_HASH_LANES,
            hashCpuMillis,
            cores,
            limit,
            accounts));
    report.append(
        "users  sign-ins/s  requests each  p50 ms  p95 ms  p99 ms  errors  server CPU/sign-in"
            + "  hashing threads  the rest  server RSS  share of limit\n");
    for (Point p : points) {
      report.append(
          String.format(
              "%5d  %10.2f  %13.1f  %6d  %6d  %6d  %6d  %15.1f ms  %12.1f ms  %5.1f ms  %7d MB"
                  + "  %13.0f %%%n",
              p.users(),
              p.perSecond(),
              p.requestsPerSignIn(),
              p.p50(),
              p.p95(),
              p.p99(),
              p.errors(),
              p.cpuPerSignIn() * 1000,
              p.hashingCpuPerSignIn() * 1000,
              (p.cpuPerSignIn() - p.hashingCpuPerSignIn()) * 1000,
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

  private static Point run(int users, int seconds, DelayQueue<Turn> pool) throws Exception {
    ProcessHandle server = PortalServer.process();
    Duration cpuBefore = server.info().totalCpuDuration().orElse(Duration.ZERO);
    double hashingBefore = hashingCpuSeconds(server.pid());
    ConcurrentHistogram latencies = new ConcurrentHistogram(3);
    AtomicInteger errors = new AtomicInteger();
    LongAdder requests = new LongAdder();
    List<String> errorSamples = new CopyOnWriteArrayList<>();
    Instant start = Instant.now();
    Instant end = start.plusSeconds(seconds);
    ExecutorService threads = Executors.newFixedThreadPool(users);
    for (int u = 0; u < users; u++) {
      threads.submit(
          () -> {
            while (Instant.now().isBefore(end)) {
              // Waits, without spinning, for an account whose app shows a code not used yet.
              Turn turn =
                  pool.poll(Duration.between(Instant.now(), end).toMillis(), TimeUnit.MILLISECONDS);
              if (turn == null) {
                break;
              }
              Person person = turn.person();
              try {
                Optional<String> fresh = Fixtures.tryFreshCode(person.totpSecret());
                if (fresh.isEmpty()) {
                  continue;
                }
                long began = System.nanoTime();
                requests.add(signIn(person, fresh.get()));
                latencies.recordValue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
              } catch (Exception | AssertionError e) {
                errors.incrementAndGet();
                if (errorSamples.size() < 5) {
                  errorSamples.add(e.toString());
                }
              } finally {
                pool.put(Turn.next(person));
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
        hashingCpuSeconds(server.pid()) - hashingBefore,
        requests.sum(),
        residentKib(server.pid()));
  }

  /** An account and the moment its authenticator app next shows a code the portal has not seen. */
  private record Turn(Person person, Instant at) implements Delayed {
    static Turn next(Person person) {
      return new Turn(person, Fixtures.freshCodeFrom(person.totpSecret()));
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(Instant.now(), at));
    }

    @Override
    public int compareTo(Delayed other) {
      return at.compareTo(((Turn) other).at());
    }
  }

  /**
   * The CPU the server's password-hashing threads have used so far, read from Linux's account of
   * each thread ({@code /proc/PID/task/TID/stat}, in clock ticks of 10 ms): what the hashes cost,
   * measured in the server, apart from the rest of each sign-in.
   */
  private static double hashingCpuSeconds(long pid) throws IOException {
    Path tasks = Path.of("/proc", String.valueOf(pid), "task");
    if (!Files.isDirectory(tasks)) {
      return 0;
    }
    double seconds = 0;
    try (var threads = Files.list(tasks)) {
      for (Path thread : threads.toList()) {
        try {
          String stat = Files.readString(thread.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.startsWith("password-hash")) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime, the 14th and 15th fields of the line (11th and 12th after the name)
            seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
          }
        } catch (IOException | RuntimeException gone) {
          // a thread that ended meanwhile
        }
      }
    }
    return seconds;
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

  /**
   * The CPU one hash of the portal's own parameters costs here, one at a time, warmed up: the CPU
   * of this process while it hashes (the hashes run on the hashing threads, not this one).
   */
  private static double passwordHashCpuMillis() {
    PasswordHashing hashing = new PasswordHashing(new Pbkdf2PasswordHashImpl());
    for (int i = 0; i < 20; i++) {
      hashing.hash("warm-up-Password-" + i);
    }
    var process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int rounds = 40;
    long began = process.getProcessCpuTime();
    for (int i = 0; i < rounds; i++) {
      hashing.hash("Benchmark-Password-" + i);
    }
    return (process.getProcessCpuTime() - began) / 1e6 / rounds;
  }

  /**
   * One complete sign-in in a new session, as a browser does it.
   *
   * @return the HTTP requests it took, redirects followed included
   */
  private static int signIn(Person person, String totpCode)
      throws IOException, InterruptedException {
    HttpBrowser browser = new HttpBrowser();
    if (!browser.signIn(person, totpCode).body().contains("id=\"welcome\"")) {
      throw new AssertionError("sign-in refused");
    }
    return browser.requestsSent();
  }
}
