package app.sesame.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen: it keeps cookies and sends the portal's forms with their view state
 * and script nonce, as a page would. For the load benchmark, and for tests that craft requests a
 * page would never send.
 */
public final class HttpBrowser {
  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState[^>]*value=\"([^\"]+)\"");
  private static final Pattern AJAX_VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]+)\\]\\]>");
  private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");
  private static final Pattern FORM =
      Pattern.compile(
          "<form id=\"([^\"]+)\"[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);

  /**
   * A form of the page last loaded that Faces will take back: its id, where it posts, and whether
   * it sends files (as {@code multipart/form-data}).
   */
  public record Form(String id, String action, boolean multipart) {}

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final HttpClient notFollowing =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String clientAddress;
  private java.net.URI base;
  private String viewState;
  private String nonce;
  private String page;
  private int requests;

  /** A browser of its own address (see {@link Browser#comeFrom}). */
  public HttpBrowser() {
    this(ClientAddresses.next());
  }

  /**
   * A browser at the given client address, as the trusted proxy in front reports it; with none, it
   * says nothing of its address (a browser behind a real proxy, which says it for it).
   */
  public HttpBrowser(String clientAddress) {
    this.clientAddress = clientAddress;
  }

  private Map<String, String> ownHeaders = Map.of();

  /** Headers the browser adds to every request from now on, as a client may write its own. */
  public HttpBrowser withHeaders(Map<String, String> headers) {
    this.ownHeaders = Map.copyOf(headers);
    return this;
  }

  private HttpRequest.Builder headers(HttpRequest.Builder request) {
    if (clientAddress != null) {
      request.header("X-Forwarded-For", clientAddress);
    }
    ownHeaders.forEach(request::header);
    return request;
  }

  /**
   * Sends the next requests to another server (a node of a cluster) with the same cookies, view
   * state and nonce, as a load balancer in front would.
   */
  public HttpBrowser at(java.net.URI server) {
    this.base = server;
    return this;
  }

  private java.net.URI url(String path) {
    return base == null ? PortalServer.url(path) : base.resolve(path);
  }

  /** Forgets the session, as a browser does when it is closed; lasting cookies stay. */
  public void forgetSession() {
    cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID"))
        .toList()
        .forEach(c -> cookies.getCookieStore().remove(null, c));
  }

  /** The cookie of that name the browser holds, if any. */
  public java.util.Optional<java.net.HttpCookie> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst();
  }

  /** Gives the browser a cookie of the portal, as someone who read its value would set it. */
  public HttpBrowser withCookie(String name, String value) {
    java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(url(""), cookie);
    return this;
  }

  /** Gives the browser a copy of another browser's cookie, as someone copying it would. */
  public HttpBrowser withCookieOf(HttpBrowser other, String name) {
    java.net.HttpCookie copy = (java.net.HttpCookie) other.cookie(name).orElseThrow().clone();
    cookies.getCookieStore().add(url(""), copy);
    return this;
  }

  /**
   * Takes the view state and script nonce of another browser's page, as a page on another site that
   * posts to the portal with this browser's cookies would carry its own.
   */
  public void borrowPageOf(HttpBrowser other) {
    this.viewState = other.viewState;
    this.nonce = other.nonce;
  }

  /** The page last loaded. */
  public String page() {
    return page;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        counted(
            http.send(
                headers(HttpRequest.newBuilder(url(path)).header("Accept-Language", "en")).build(),
                HttpResponse.BodyHandlers.ofString()));
    remember(response.body());
    return response;
  }

  /**
   * One request, its redirect not followed: where the portal sends the browser (an app's address)
   * is the answer's {@code Location}.
   */
  public HttpResponse<String> visit(String path) throws IOException, InterruptedException {
    return counted(
        notFollowing.send(
            headers(HttpRequest.newBuilder(url(path)).header("Accept-Language", "en")).build(),
            HttpResponse.BodyHandlers.ofString()));
  }

  /** A file as it is served (a logo, a script), its bytes untouched. */
  public HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
    return counted(
        http.send(
            headers(HttpRequest.newBuilder(url(path))).build(),
            HttpResponse.BodyHandlers.ofByteArray()));
  }

  /** The page's Faces forms (those carrying its view state), in document order. */
  public java.util.List<Form> forms() {
    java.util.List<Form> forms = new java.util.ArrayList<>();
    Matcher form = FORM.matcher(page);
    while (form.find()) {
      if (form.group(3).contains("jakarta.faces.ViewState")) {
        forms.add(
            new Form(
                form.group(1),
                form.group(2).replace("&amp;", "&"),
                form.group(0).substring(0, form.group(0).indexOf('>')).contains("multipart")));
      }
    }
    return forms;
  }

  /**
   * Sends the form back as it is, with no button: the page is restored, its fields checked, and it
   * is shown again (with what is missing); no action runs.
   */
  public HttpResponse<String> postBack(Form form) throws IOException, InterruptedException {
    Map<String, String> fields =
        Map.of(
            form.id(), form.id(), "jakarta.faces.ViewState", viewState, "primefaces.nonce", nonce);
    if (!form.multipart()) {
      return send(form.action().substring(1), Map.of(form.id(), form.id()), false);
    }
    String boundary = "----sesame" + Long.toHexString(System.nanoTime());
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return counted(
        http.send(
            headers(HttpRequest.newBuilder(url(form.action().substring(1))))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString()));
  }

  /**
   * Sends a form of the page last loaded with a file, as a browser sends a form of {@code
   * multipart/form-data}.
   */
  public HttpResponse<String> submitWithFile(
      String path, Map<String, String> fields, String fileField, String fileName, byte[] content)
      throws IOException, InterruptedException {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("jakarta.faces.ViewState", viewState);
    all.put("primefaces.nonce", nonce);
    String boundary = "----sesame" + Long.toHexString(System.nanoTime());
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (Map.Entry<String, String> field : all.entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + fileField
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream"
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        counted(
            http.send(
                headers(HttpRequest.newBuilder(url(path)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept-Language", "en")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
    remember(response.body());
    return response;
  }

  /** Sends a form of the page last loaded, as its submit button would. */
  public HttpResponse<String> submit(String path, Map<String, String> fields)
      throws IOException, InterruptedException {
    HttpResponse<String> response = send(path, fields, false);
    remember(response.body());
    return response;
  }

  /** Sends an Ajax request of the page last loaded, as a PrimeFaces component would. */
  public HttpResponse<String> ajax(
      String path, String source, String execute, Map<String, String> fields)
      throws IOException, InterruptedException {
    return ajax(path, source, execute, "@all", fields);
  }

  /** An AJAX post that renders only the given components, as the page's own requests do. */
  public HttpResponse<String> ajax(
      String path, String source, String execute, String render, Map<String, String> fields)
      throws IOException, InterruptedException {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("jakarta.faces.partial.ajax", "true");
    all.put("jakarta.faces.source", source);
    all.put("jakarta.faces.partial.execute", execute);
    all.put("jakarta.faces.partial.render", render);
    all.putIfAbsent(source, source);
    HttpResponse<String> response = send(path, all, true);
    Matcher state = AJAX_VIEW_STATE.matcher(response.body());
    if (state.find()) {
      viewState = state.group(1);
    }
    return response;
  }

  /** A complete sign-in: the password, then the code of the person's app if they have one. */
  public HttpResponse<String> signIn(Fixtures.Person person)
      throws IOException, InterruptedException {
    return signIn(person, person.totpSecret() == null ? null : person.code());
  }

  /**
   * A sign-in with the given code as the second step, or the password alone when the code is null;
   * the answer of the last step.
   */
  public HttpResponse<String> signIn(Fixtures.Person person, String totpCode)
      throws IOException, InterruptedException {
    get("login/sign-in.xhtml");
    HttpResponse<String> response = submitPassword(person.email(), person.password());
    return totpCode == null ? response : submitCode(totpCode);
  }

  /** Sends the sign-in form of the page last loaded, with this e-mail address and password. */
  public HttpResponse<String> submitPassword(String email, String password)
      throws IOException, InterruptedException {
    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put("signin", "signin");
    credentials.put("signin:next", "");
    credentials.put("signin:email", email);
    credentials.put("signin:password", password);
    credentials.put("signin:submit", "");
    return submit("login/sign-in.xhtml", credentials);
  }

  /** Sends the second step's form of the page last loaded, with this code. */
  public HttpResponse<String> submitCode(String code) throws IOException, InterruptedException {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("second", "second");
    fields.put("second:code", code);
    fields.put("second:verify", "");
    return submit("login/second-step.xhtml", fields);
  }

  /** The HTTP requests this browser sent so far, the redirects it followed included. */
  public int requestsSent() {
    return requests;
  }

  private <T> HttpResponse<T> counted(HttpResponse<T> response) {
    for (Optional<HttpResponse<T>> r = Optional.of(response);
        r.isPresent();
        r = r.get().previousResponse()) {
      requests++;
    }
    return response;
  }

  private HttpResponse<String> send(String path, Map<String, String> fields, boolean ajax)
      throws IOException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("jakarta.faces.ViewState", viewState);
    form.put("primefaces.nonce", nonce);
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        headers(HttpRequest.newBuilder(url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept-Language", "en")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (ajax) {
      request.header("Faces-Request", "partial/ajax");
    }
    return counted(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  private void remember(String body) {
    page = body;
    Matcher state = VIEW_STATE.matcher(body);
    viewState = state.find() ? state.group(1) : null;
    Matcher script = NONCE.matcher(body);
    nonce = script.find() ? script.group(1) : null;
  }
}
