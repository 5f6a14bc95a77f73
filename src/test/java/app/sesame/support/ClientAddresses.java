package app.sesame.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client addresses for the test browsers, one per browser, from the benchmarking range; each in
 * another /24 network than the last few hundred, as people of different households are, so that the
 * per-network limits of one test never reach another's browsers.
 */
public final class ClientAddresses {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private ClientAddresses() {}

  /** An address no other browser of this run has had (198.18.0.0/15, RFC 2544). */
  public static String next() {
    int n = NEXT.getAndIncrement();
    int network = n % 512;
    return "198." + (18 + network / 256) + "." + (network % 256) + "." + (n / 512 % 250 + 1);
  }
}
