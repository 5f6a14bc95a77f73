package app.sesame.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
  private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.0.2.7, fd00::/8");

  @Test
  void withoutTrustedProxiesTheHeadersAreIgnored() {
    assertEquals(
        "198.51.100.4",
        TrustedProxies.NONE.client("198.51.100.4", List.of(), List.of("203.0.113.9")));
  }

  @Test
  void fromAnUntrustedPeerTheHeadersAreIgnored() {
    assertEquals(
        "198.51.100.4",
        proxies.client("198.51.100.4", List.of("for=203.0.113.9"), List.of("203.0.113.9")));
  }

  @Test
  void theRightMostHopThatIsNotAProxyIsTheClient() {
    assertEquals(
        "203.0.113.9",
        proxies.client("10.1.2.3", List.of(), List.of("1.2.3.4, 203.0.113.9, 192.0.2.7")));
  }

  @Test
  void aHopTheClientWroteItselfIsNeverReached() {
    assertEquals(
        "203.0.113.9", proxies.client("192.0.2.7", List.of(), List.of("10.0.0.1", "203.0.113.9")));
  }

  @Test
  void theStandardForwardedHeaderWinsAndMayCarryIpv6AndPorts() {
    assertEquals(
        "2001:db8:cafe:0:0:0:0:17",
        proxies.client(
            "10.0.0.2",
            List.of("for=192.0.2.60;proto=http, for=\"[2001:db8:cafe::17]:4711\";proto=https"),
            List.of("198.51.100.1")));
  }

  @Test
  void aHopThatIsNotAnAddressEndsTheWalkAtTheProxyThatWroteIt() {
    assertEquals("10.0.0.2", proxies.client("10.0.0.2", List.of(), List.of("unknown")));
    assertEquals("10.0.0.2", proxies.client("10.0.0.2", List.of(), List.of("evil.example")));
  }

  @Test
  void httpsCountsFromATrustedProxyOnly() {
    assertTrue(proxies.secure("10.0.0.2", false, List.of(), List.of("https")));
    assertFalse(proxies.secure("198.51.100.4", false, List.of(), List.of("https")));
    assertTrue(proxies.secure("10.0.0.2", false, List.of("for=1.2.3.4;proto=https"), List.of()));
    assertTrue(proxies.secure("198.51.100.4", true, List.of(), List.of()));
  }

  @Test
  void ipv6ClientsAreCountedByTheirNetwork() {
    assertEquals(
        TrustedProxies.countingKey("2001:db8:1:2::1"),
        TrustedProxies.countingKey("2001:db8:1:2:ffff:eeee:dddd:cccc"));
    assertFalse(
        TrustedProxies.countingKey("2001:db8:1:2::1")
            .equals(TrustedProxies.countingKey("2001:db8:1:3::1")));
    assertEquals("203.0.113.9", TrustedProxies.countingKey("203.0.113.9"));
  }

  @Test
  void onlyLiteralAddressesAreRead() {
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.example"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    assertFalse(TrustedProxies.literal("300.1.1.1").isPresent());
    assertTrue(TrustedProxies.isLoopback("127.0.0.1"));
    assertTrue(TrustedProxies.isLoopback("::1"));
    assertFalse(TrustedProxies.isLoopback("203.0.113.9"));
  }
}
