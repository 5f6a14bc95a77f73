package app.sesame.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Client addresses for the test browsers, one per browser, from the benchmarking range. */
public final class ClientAddresses {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private ClientAddresses() {}

  /** An address no other browser of this run has had (198.18.0.0/15, RFC 2544). */
  public static String next() {
    int n = NEXT.getAndIncrement();
    return "198.18." + (n / 250 % 256) + "." + (n % 250 + 1);
  }
}
