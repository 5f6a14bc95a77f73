package app.sesame.support;

import app.sesame.onboarding.control.FollowUpTimer;
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

/**
 * Runs the test deployment's follow-ups now, as the minute's timer would ({@code POST
 * test-follow-ups}), and answers how many reminders went out; with {@link MovableClock}, days pass
 * in a test without waiting for them.
 */
@WebServlet("/test-follow-ups")
public class FollowUpServlet extends HttpServlet {
  @Inject FollowUpTimer followUps;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/plain");
    response.getWriter().print(followUps.runDue());
  }

  /** Asks the deployment at that address to run its follow-ups; returns the reminders sent. */
  public static int run(URL deployment) throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(deployment + "test-follow-ups"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != HttpServletResponse.SC_OK) {
      throw new IllegalStateException("the follow-ups did not run: HTTP " + answer.statusCode());
    }
    return Integer.parseInt(answer.body().strip());
  }
}
