package app.sesame.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to a server, that a test cuts and restores: what a database restart looks like from
 * the portal (every connection dropped, then new ones refused, then accepted again).
 */
public final class TcpRelay implements AutoCloseable {
  private final String host;
  private final int targetPort;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;

  public TcpRelay(String host, int targetPort) {
    this.host = host;
    this.targetPort = targetPort;
    try (ServerSocket free = new ServerSocket(0)) {
      this.port = free.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    restore();
  }

  public int port() {
    return port;
  }

  /** Drops every connection and refuses new ones. */
  public synchronized void cut() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closed already
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closed already
      }
    }
    open.clear();
  }

  /** Accepts connections again, on the same port. */
  public synchronized void restore() {
    try {
      ServerSocket listening = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
      server = listening;
      Thread accepting = new Thread(() -> accept(listening), "relay-" + port);
      accepting.setDaemon(true);
      accepting.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void accept(ServerSocket listening) {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        Socket target = new Socket(host, targetPort);
        open.add(client);
        open.add(target);
        pipe(client, target);
        pipe(target, client);
      } catch (IOException stopped) {
        return;
      }
    }
  }

  private static void pipe(Socket from, Socket to) {
    Thread copying =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException closed) {
                // one side went away
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException ignored) {
                  // closed already
                }
              }
            });
    copying.setDaemon(true);
    copying.start();
  }

  @Override
  public void close() {
    cut();
  }
}
