package app.sesame.signin.boundary;

import app.sesame.web.control.Page;

/** The pages of a sign-in, in their order. */
public final class SignInPages {
  public static final Page HOME = new Page("/index.xhtml");

  public static final Page SIGN_IN = new Page("/login/sign-in.xhtml");

  public static final Page SECOND_STEP = new Page("/login/second-step.xhtml");

  public static final Page SETUP = new Page("/login/setup.xhtml");

  public static final Page ENROLMENT_CODE = new Page("/login/enrolment-code.xhtml");

  /** Signed in for an app: on to the app's authorization. */
  public static final Page CONTINUE = new Page("/login/continue.xhtml");

  private SignInPages() {}
}
