package app.sesame.support;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Moves the test deployment's {@link MovableClock} forward: {@code POST test-clock?advance=PT10M}.
 */
@WebServlet("/test-clock")
public class ClockServlet extends HttpServlet {
  @Inject MovableClock clock;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    clock.advance(Duration.parse(request.getParameter("advance")));
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  /** Asks the deployment at that address to move its clock forward. */
  public static void advance(URL deployment, Duration by) throws Exception {
    HttpResponse<Void> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(deployment + "test-clock?advance=" + by))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    if (answer.statusCode() != HttpServletResponse.SC_NO_CONTENT) {
      throw new IllegalStateException("the clock did not move: HTTP " + answer.statusCode());
    }
  }
}
