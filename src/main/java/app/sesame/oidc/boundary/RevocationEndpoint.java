package app.sesame.oidc.boundary;

import app.sesame.oidc.control.Apps;
import app.sesame.oidc.control.Grants;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** The revocation endpoint (RFC 7009): an app gives up a refresh token, and its grant ends. */
@WebServlet("/oidc/revoke")
public class RevocationEndpoint extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient Apps apps;
  @Inject transient Grants grants;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<ClientCalls.Call<TokenRevocationRequest>> call =
        ClientCalls.accept(request, response, TokenRevocationRequest::parse, apps);
    if (call.isEmpty()) {
      return;
    }
    grants.revoke(call.get().app(), call.get().request().getToken().getValue());
    response.setHeader("Cache-Control", "no-store");
    response.setStatus(200);
  }
}
