package app.sesame.settings.control;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose word about the client is believed: a list of addresses and CIDR ranges
 * ({@code 10.0.0.0/8, 127.0.0.1, ::1}), and the one header they write. A request from one of them
 * is attributed to the right-most hop of that header that is not itself a trusted proxy, so that a
 * client cannot choose its own address by sending the header; from anywhere else the headers are
 * ignored. The other forwarding headers are never read: a proxy passes on what it does not write
 * (nginx passes a client's own {@code Forwarded} untouched), so reading them would let the client
 * speak. Only literal addresses are read: nothing here ever asks DNS. Addresses come out in their
 * usual written form (RFC 5952 for IPv6: {@code ::1}, not {@code 0:0:0:0:0:0:0:1}).
 */
public final class TrustedProxies {
  /** The forwarding header the proxies write; the scheme is read from its companion. */
  public enum Header {
    /** {@code X-Forwarded-For}, with the scheme in {@code X-Forwarded-Proto} (nginx, HAProxy). */
    X_FORWARDED_FOR("X-Forwarded-For", "X-Forwarded-Proto"),
    /** RFC 7239's {@code Forwarded}, its {@code for} and {@code proto} parameters. */
    FORWARDED("Forwarded", "Forwarded");

    private final String name;
    private final String scheme;

    Header(String name, String scheme) {
      this.name = name;
      this.scheme = scheme;
    }

    /** The header that carries the client's address. */
    public String headerName() {
      return name;
    }

    /** The header that carries the scheme the client used. */
    public String schemeHeaderName() {
      return scheme;
    }

    /** The setting's value ({@code X-Forwarded-For} or {@code Forwarded}, any case). */
    public static Header named(String name) {
      for (Header header : values()) {
        if (header.name.equalsIgnoreCase(name.strip())) {
          return header;
        }
      }
      throw new IllegalArgumentException(
          "Not a forwarding header the portal reads: " + name + " (X-Forwarded-For or Forwarded)");
    }
  }

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private record Range(BigInteger network, int bits, int length) {
    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length * 8 != length) {
        return false;
      }
      int shift = length - bits;
      return new BigInteger(1, bytes).shiftRight(shift).equals(network.shiftRight(shift));
    }
  }

  private final List<Range> ranges;
  private final Header header;

  private TrustedProxies(List<Range> ranges, Header header) {
    this.ranges = List.copyOf(ranges);
    this.header = header;
  }

  public static final TrustedProxies NONE = new TrustedProxies(List.of(), Header.X_FORWARDED_FOR);

  /** The header the proxies write. */
  public Header header() {
    return header;
  }

  /** Proxies that write {@code X-Forwarded-For}. */
  public static TrustedProxies parse(String list) {
    return parse(list, Header.X_FORWARDED_FOR);
  }

  /** Reads a comma-separated list; an entry that is not an address or range is an error. */
  public static TrustedProxies parse(String list, Header header) {
    List<Range> ranges = new ArrayList<>();
    if (list != null) {
      for (String entry : list.split("[,\\s]+")) {
        if (!entry.isBlank()) {
          ranges.add(range(entry.strip()));
        }
      }
    }
    return new TrustedProxies(ranges, header);
  }

  private static Range range(String entry) {
    int slash = entry.indexOf('/');
    String host = slash < 0 ? entry : entry.substring(0, slash);
    InetAddress address =
        literal(host)
            .orElseThrow(() -> new IllegalArgumentException("Not an IP address: " + entry));
    int length = address.getAddress().length * 8;
    int bits = slash < 0 ? length : Integer.parseInt(entry.substring(slash + 1));
    if (bits < 0 || bits > length) {
      throw new IllegalArgumentException("Not a prefix length: " + entry);
    }
    return new Range(new BigInteger(1, address.getAddress()), bits, length);
  }

  public boolean trusts(String address) {
    Optional<InetAddress> parsed = literal(address);
    return parsed.isPresent() && ranges.stream().anyMatch(r -> r.contains(parsed.get()));
  }

  /**
   * The client's address: the connection's peer, or, when the peer is a trusted proxy, the
   * right-most hop of the proxies' header not trusted (a hop that is not an address ends the walk).
   *
   * @param values the values of the proxies' header ({@link #header()}), in order; the other
   *     forwarding headers are not given, as they are not read
   */
  public String client(String peer, List<String> values) {
    String client = written(peer);
    if (!trusts(peer)) {
      return client;
    }
    List<String> hops = header == Header.FORWARDED ? parameters(values, "for") : list(values);
    for (int i = hops.size() - 1; i >= 0 && trusts(client); i--) {
      Optional<InetAddress> hop = literal(hops.get(i));
      if (hop.isEmpty()) {
        break;
      }
      client = written(hop.get());
    }
    return client;
  }

  /**
   * Whether the browser reached the portal over HTTPS, directly or through a trusted proxy.
   *
   * @param schemes the values of the header that carries the scheme with the proxies' header
   *     ({@code X-Forwarded-Proto}, or {@code Forwarded} itself)
   */
  public boolean secure(String peer, boolean secureConnection, List<String> schemes) {
    if (secureConnection) {
      return true;
    }
    if (!trusts(peer)) {
      return false;
    }
    List<String> protos = header == Header.FORWARDED ? parameters(schemes, "proto") : list(schemes);
    return !protos.isEmpty()
        && protos.get(protos.size() - 1).strip().toLowerCase(Locale.ROOT).equals("https");
  }

  /** An address as people write it (RFC 5952 for IPv6); anything else as it came. */
  public static String written(String address) {
    return literal(address).map(TrustedProxies::written).orElse(address);
  }

  private static String written(InetAddress address) {
    return InetAddresses.toAddrString(address);
  }

  public static boolean isLoopback(String address) {
    return literal(address).map(InetAddress::isLoopbackAddress).orElse(false);
  }

  /** The key an address is counted under: the address itself, or its /64 network for IPv6. */
  public static String countingKey(String address) {
    Optional<InetAddress> parsed = literal(address);
    if (parsed.isEmpty() || parsed.get().getAddress().length == 4) {
      return address;
    }
    byte[] bytes = parsed.get().getAddress();
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      key.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
    }
    return key.append(":/64").toString();
  }

  /**
   * The key an address's network is counted under: its /24 for IPv4, its /56 for IPv6 (what a
   * provider hands one customer); anything else as it came.
   */
  public static String networkKey(String address) {
    Optional<InetAddress> parsed = literal(address);
    if (parsed.isEmpty()) {
      return "net:" + address;
    }
    byte[] bytes = parsed.get().getAddress();
    int keep = bytes.length == 4 ? 3 : 7;
    byte[] network = new byte[bytes.length];
    System.arraycopy(bytes, 0, network, 0, keep);
    try {
      return "net:"
          + InetAddresses.toAddrString(InetAddress.getByAddress(network))
          + (bytes.length == 4 ? "/24" : "/56");
    } catch (java.net.UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static List<String> list(List<String> headers) {
    List<String> values = new ArrayList<>();
    for (String header : headers) {
      for (String value : header.split(",")) {
        values.add(value.strip());
      }
    }
    return values;
  }

  /** The values of one parameter of each element of {@code Forwarded} (RFC 7239), in order. */
  private static List<String> parameters(List<String> forwarded, String name) {
    List<String> values = new ArrayList<>();
    for (String element : list(forwarded)) {
      for (String pair : element.split(";")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase(name)) {
          values.add(pair.substring(equals + 1).strip());
        }
      }
    }
    return values;
  }

  /** A literal IPv4 or IPv6 address, with its quotes, brackets and port taken off. */
  static Optional<InetAddress> literal(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String host = value.strip();
    if (host.startsWith("\"") && host.endsWith("\"") && host.length() > 1) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      host = close < 0 ? "" : host.substring(1, close);
    } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
      host = host.substring(0, host.indexOf(':'));
    }
    boolean v4 = IPV4.matcher(host).matches();
    if (v4 && Arrays.stream(host.split("\\.")).anyMatch(o -> Integer.parseInt(o) > 255)
        || !v4 && !IPV6.matcher(host).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddresses.forString(host));
    } catch (RuntimeException notAnAddress) {
      return Optional.empty();
    }
  }
}
