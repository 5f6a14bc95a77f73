package app.sesame.web.control;

/**
 * The addresses of the pages that code sends people to, or that e-mails link to; the others are
 * reached by links between pages.
 */
public enum Page {
  /** The portal's address alone: each person goes on to their home, or to sign in. */
  HOME("/index.xhtml"),
  SIGN_IN("/login/sign-in.xhtml"),
  SECOND_STEP("/login/second-step.xhtml"),
  /** Setting up a first factor, or the new one at the end of a self-service recovery. */
  SETUP("/login/setup.xhtml"),
  /** The invitation's link: the first password. */
  ACTIVATE("/login/activate.xhtml"),
  /** The "this wasn't me" link of the mail sent after a recovery. */
  FREEZE("/login/freeze.xhtml"),
  /** The enrolment code an accountant handed over, asked before the setup of a new factor. */
  ENROLMENT_CODE("/login/enrolment-code.xhtml"),
  /** The link of "Lost your sign-in methods?". */
  RECOVER("/login/recover.xhtml"),
  PORTAL_HOME("/portal/index.xhtml"),
  BACKOFFICE_HOME("/backoffice/index.xhtml"),
  /** The operators' console: the platform's firms. */
  OPERATOR_HOME("/operator/index.xhtml"),
  /** A client's page in the back-office, with {@code ?id=}. */
  BACKOFFICE_CLIENT("/backoffice/client.xhtml"),
  /** A form sent from a page whose view the server no longer holds. */
  EXPIRED("/error/expired.xhtml"),
  /** Anything else that went wrong, said without a stack trace. */
  ERROR("/error/error.xhtml");

  private final String path;

  Page(String path) {
    this.path = path;
  }

  /** The page's path within the application. */
  public String path() {
    return path;
  }
}
