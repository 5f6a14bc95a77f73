package app.sesame.oidc.boundary;

import app.sesame.oidc.control.AccessTokens;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import net.minidev.json.JSONObject;

/** The userinfo endpoint: the person's claims for a bearer access token that still stands. */
@WebServlet("/oidc/userinfo")
public class UserInfoEndpoint extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient AccessTokens tokens;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Map<String, Object>> info;
    try {
      info =
          tokens.userInfo(BearerAccessToken.parse(request.getHeader("Authorization")).getValue());
    } catch (ParseException e) {
      info = Optional.empty();
    }
    response.setHeader("Cache-Control", "no-store");
    if (info.isEmpty()) {
      response.setStatus(401);
      response.setHeader(
          "WWW-Authenticate", BearerTokenError.INVALID_TOKEN.toWWWAuthenticateHeader());
      return;
    }
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response
        .getOutputStream()
        .write(new JSONObject(info.get()).toJSONString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    doGet(request, response);
  }
}
