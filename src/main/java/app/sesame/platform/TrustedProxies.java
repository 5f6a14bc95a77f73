package app.sesame.platform;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose word about the client is believed: a list of addresses and CIDR ranges
 * ({@code 10.0.0.0/8, 127.0.0.1, ::1}). A request from one of them is attributed to the right-most
 * hop of {@code Forwarded} (or else {@code X-Forwarded-For}) that is not itself a trusted proxy, so
 * that a client cannot choose its own address by sending the header; from anywhere else the headers
 * are ignored. Only literal addresses are read: nothing here ever asks DNS.
 */
public final class TrustedProxies {
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

  private TrustedProxies(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  /** Reads a comma-separated list; an entry that is not an address or range is an error. */
  public static TrustedProxies parse(String list) {
    List<Range> ranges = new ArrayList<>();
    if (list != null) {
      for (String entry : list.split("[,\\s]+")) {
        if (!entry.isBlank()) {
          ranges.add(range(entry.strip()));
        }
      }
    }
    return new TrustedProxies(ranges);
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
   * right-most forwarded hop not trusted (a hop that is not an address ends the walk).
   *
   * @param forwarded the values of the {@code Forwarded} headers, in order
   * @param forwardedFor the values of the {@code X-Forwarded-For} headers, in order
   */
  public String client(String peer, List<String> forwarded, List<String> forwardedFor) {
    if (!trusts(peer)) {
      return peer;
    }
    List<String> hops = forwarded.isEmpty() ? list(forwardedFor) : forParameters(forwarded);
    String client = peer;
    for (int i = hops.size() - 1; i >= 0 && trusts(client); i--) {
      Optional<InetAddress> hop = literal(hops.get(i));
      if (hop.isEmpty()) {
        break;
      }
      client = hop.get().getHostAddress();
    }
    return client;
  }

  /** Whether the browser reached the portal over HTTPS, directly or through a trusted proxy. */
  public boolean secure(
      String peer, boolean secureConnection, List<String> forwarded, List<String> forwardedProto) {
    if (secureConnection) {
      return true;
    }
    if (!trusts(peer)) {
      return false;
    }
    List<String> protos =
        forwarded.isEmpty() ? list(forwardedProto) : parameters(forwarded, "proto");
    return !protos.isEmpty()
        && protos.get(protos.size() - 1).strip().toLowerCase(Locale.ROOT).equals("https");
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

  private static List<String> list(List<String> headers) {
    List<String> values = new ArrayList<>();
    for (String header : headers) {
      for (String value : header.split(",")) {
        values.add(value.strip());
      }
    }
    return values;
  }

  private static List<String> forParameters(List<String> forwarded) {
    return parameters(forwarded, "for");
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
      return Optional.of(InetAddress.getByName(host));
    } catch (UnknownHostException | RuntimeException notAnAddress) {
      return Optional.empty();
    }
  }
}
