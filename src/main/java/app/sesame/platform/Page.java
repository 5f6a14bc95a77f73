package app.sesame.platform;

/** The addresses of the pages that code sends people to; the others are reached by links. */
public enum Page {
  /** The portal's address alone: each person goes on to their home, or to sign in. */
  HOME("/index.xhtml"),
  SIGN_IN("/login/sign-in.xhtml"),
  SECOND_STEP("/login/second-step.xhtml"),
  /** Setting up a first factor, or the new one at the end of a self-service recovery. */
  SETUP("/login/setup.xhtml"),
  PORTAL_HOME("/portal/index.xhtml"),
  BACKOFFICE_HOME("/backoffice/index.xhtml");

  private final String path;

  Page(String path) {
    this.path = path;
  }

  /** The page's path within the application. */
  public String path() {
    return path;
  }
}
