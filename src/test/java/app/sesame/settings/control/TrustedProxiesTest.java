package app.sesame.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.settings.control.TrustedProxies.Header;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
  private final TrustedProxies xff = TrustedProxies.parse("10.0.0.0/8, 192.0.2.7, fd00::/8");
  private final TrustedProxies forwarded =
      TrustedProxies.parse("10.0.0.0/8, 192.0.2.7, fd00::/8", Header.FORWARDED);

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    assertEquals(
        "198.51.100.4", TrustedProxies.NONE.client("198.51.100.4", List.of("203.0.113.9")));
  }

  @Test
  void fromAnUntrustedPeerTheHeaderIsIgnored() {
    assertEquals("198.51.100.4", xff.client("198.51.100.4", List.of("203.0.113.9")));
    assertEquals("198.51.100.4", forwarded.client("198.51.100.4", List.of("for=203.0.113.9")));
  }

  @Test
  void theRightMostHopThatIsNotAProxyIsTheClient() {
    assertEquals("203.0.113.9", xff.client("10.1.2.3", List.of("1.2.3.4, 203.0.113.9, 192.0.2.7")));
  }

  @Test
  void aHopTheClientWroteItselfIsNeverReached() {
    assertEquals("203.0.113.9", xff.client("192.0.2.7", List.of("10.0.0.1", "203.0.113.9")));
  }

  @Test
  void withForwardedTheForParametersAreReadAndMayCarryIpv6AndPorts() {
    assertEquals(
        "2001:db8:cafe::17",
        forwarded.client(
            "10.0.0.2",
            List.of("for=192.0.2.60;proto=http, for=\"[2001:db8:cafe::17]:4711\";proto=https")));
  }

  @Test
  void theHeaderTheProxyDoesNotWriteIsNeverRead() {
    // nginx writes X-Forwarded-For and passes on a client's own Forwarded: the portal is given,
    // and reads, only the values of the one header the setting names.
    assertEquals("10.0.0.2", xff.client("10.0.0.2", List.of()));
    assertEquals("10.0.0.2", forwarded.client("10.0.0.2", List.of()));
    assertEquals("X-Forwarded-For", xff.header().headerName());
    assertEquals("X-Forwarded-Proto", xff.header().schemeHeaderName());
    assertEquals("Forwarded", forwarded.header().headerName());
    assertEquals(Header.FORWARDED, Header.named("forwarded"));
    assertEquals(Header.X_FORWARDED_FOR, Header.named(" X-Forwarded-For "));
    assertThrows(IllegalArgumentException.class, () -> Header.named("X-Real-IP"));
  }

  @Test
  void aHopThatIsNotAnAddressEndsTheWalkAtTheProxyThatWroteIt() {
    assertEquals("10.0.0.2", xff.client("10.0.0.2", List.of("unknown")));
    assertEquals("10.0.0.2", xff.client("10.0.0.2", List.of("evil.example")));
  }

  @Test
  void httpsCountsFromATrustedProxyOnlyAndFromItsOwnHeader() {
    assertTrue(xff.secure("10.0.0.2", false, List.of("https")));
    assertFalse(xff.secure("198.51.100.4", false, List.of("https")));
    assertTrue(forwarded.secure("10.0.0.2", false, List.of("for=1.2.3.4;proto=https")));
    assertFalse(forwarded.secure("10.0.0.2", false, List.of("https")));
    assertTrue(xff.secure("198.51.100.4", true, List.of()));
  }

  @Test
  void addressesAreWrittenTheUsualWay() {
    assertEquals("::1", TrustedProxies.written("0:0:0:0:0:0:0:1"));
    assertEquals("2001:db8::17", TrustedProxies.written("2001:0db8:0:0:0:0:0:17"));
    assertEquals("203.0.113.9", TrustedProxies.written("203.0.113.9"));
    assertEquals("system", TrustedProxies.written("system"));
    assertEquals("::1", xff.client("0:0:0:0:0:0:0:1", List.of("203.0.113.9")));
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
