package app.sesame.limits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.limits.control.RateLimits.Taken;
import com.hazelcast.cache.impl.HazelcastServerCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.cache.CacheManager;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two members of one Hazelcast cluster (the grid Payara's instances share), each with the limits of
 * its own node: an address that sprays both nodes is cut off at the count one node allows, and
 * simultaneous requests on both never take more tokens than the bucket holds.
 */
class GridRateLimitsTest {
  private static HazelcastInstance first;
  private static HazelcastInstance second;
  private static CacheManager firstGrid;
  private static CacheManager secondGrid;

  @BeforeAll
  static void cluster() {
    String name = "sesame-test-" + UUID.randomUUID();
    first = Hazelcast.newHazelcastInstance(config(name));
    second = Hazelcast.newHazelcastInstance(config(name));
    firstGrid = manager(first);
    secondGrid = manager(second);
  }

  @AfterAll
  static void leave() {
    Hazelcast.shutdownAll();
  }

  private static Config config(String clusterName) {
    Config config = new Config();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.getNetworkConfig().setPort(5801).setPortAutoIncrement(true);
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    return config;
  }

  /** The member's JCache, as Payara's node sees its own grid. */
  private static CacheManager manager(HazelcastInstance member) {
    CachingProvider provider = new HazelcastServerCachingProvider(member);
    return provider.getCacheManager();
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  @Test
  void aSprayAcrossBothNodesIsCutOffWhereOneNodeWouldCutIt() {
    Clock now = at(Instant.parse("2026-11-26T03:00:00Z"));
    RateLimits nodeA = new GridRateLimits(firstGrid, now);
    RateLimits nodeB = new GridRateLimits(secondGrid, now);
    String address = "203.0.113." + (int) (Math.random() * 200);
    int granted = 0;
    for (int i = 0; i < 3 * Limit.PASSWORD.capacity(); i++) {
      RateLimits node = i % 2 == 0 ? nodeA : nodeB;
      if (node.take(Limit.PASSWORD, address).granted()) {
        granted++;
      }
    }
    assertEquals(Limit.PASSWORD.capacity(), granted, "one node's allowance, not two");
    assertEquals(Taken.REFUSED, nodeA.take(Limit.PASSWORD, address), "the burst reported once");
    assertEquals(Taken.YES, nodeB.take(Limit.PASSWORD, "198.51.100.7"), "another address");
  }

  @Test
  void aTokenGivenBackOnOneNodeServesTheOtherAndTokensRefillByTheClock() {
    Instant start = Instant.parse("2026-11-26T04:00:00Z");
    RateLimits nodeA = new GridRateLimits(firstGrid, at(start));
    String address = "192.0.2." + (int) (Math.random() * 200);
    for (int i = 0; i < Limit.PASSWORD.capacity(); i++) {
      nodeA.take(Limit.PASSWORD, address);
    }
    RateLimits nodeB = new GridRateLimits(secondGrid, at(start));
    assertEquals(Taken.REFUSED_FIRST, nodeB.take(Limit.PASSWORD, address));
    nodeA.giveBack(Limit.PASSWORD, address);
    assertEquals(Taken.YES, nodeB.take(Limit.PASSWORD, address), "the token given back on A");
    Duration perToken = Limit.PASSWORD.refill().dividedBy(Limit.PASSWORD.capacity());
    RateLimits later = new GridRateLimits(secondGrid, at(start.plus(perToken)));
    assertEquals(Taken.YES, later.take(Limit.PASSWORD, address), "one token back after its time");
    assertEquals(Taken.REFUSED_FIRST, later.take(Limit.PASSWORD, address));
  }

  @Test
  void simultaneousRequestsOnBothNodesNeverTakeMoreThanTheBucketHolds() throws Exception {
    Clock now = at(Instant.parse("2026-11-26T05:00:00Z"));
    List<RateLimits> nodes =
        List.of(new GridRateLimits(firstGrid, now), new GridRateLimits(secondGrid, now));
    String address = "2001:db8::" + Integer.toHexString((int) (Math.random() * 60000));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> requests = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        RateLimits node = nodes.get(i % 2);
        requests.add(() -> node.take(Limit.PASSWORD, address).granted());
      }
      int granted = 0;
      for (Future<Boolean> answer : pool.invokeAll(requests)) {
        if (answer.get()) {
          granted++;
        }
      }
      assertEquals(Limit.PASSWORD.capacity(), granted);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFloodOfAddressesKeepsTheBoundAndNeverFreesAGuesser() {
    // Every address of the flood is new, and each is refused nothing: the one that keeps
    // guessing must stay refused, and the grid must hold no more than its bound.
    Clock now = at(Instant.parse("2026-11-26T06:00:00Z"));
    GridRateLimits grid = new GridRateLimits(standalone(), now, 10_000);
    String guesser = "203.0.113.99";
    for (int i = 0; i < Limit.SMS.capacity(); i++) {
      grid.take(Limit.SMS, guesser);
    }
    for (int i = 0; i < 200_000; i++) {
      grid.take(Limit.SMS, "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255));
      if (i % 500 == 0) {
        assertFalse(
            grid.take(Limit.SMS, guesser).granted(),
            "the guesser stays refused, " + i + " addresses later");
      }
    }
    // Hazelcast holds the bound per partition, not to the entry: up to about half as many again.
    int held = grid.size(Limit.SMS);
    assertTrue(held <= 10_000 * 16 / 10, "bounded: " + held + " buckets of 200,000 addresses");
  }

  private static CacheManager standaloneGrid;

  /** A member of a cluster of its own, for the flood: one node holds the bound. */
  private static synchronized CacheManager standalone() {
    if (standaloneGrid == null) {
      HazelcastInstance alone =
          Hazelcast.newHazelcastInstance(config("sesame-flood-" + UUID.randomUUID()));
      standaloneGrid = manager(alone);
    }
    return standaloneGrid;
  }
}
