package app.sesame.account.control;

import app.sesame.web.control.Page;

/** The pages an account's links lead to: its first password, the freeze, and each role's home. */
public final class AccountPages {
  public static final Page ACTIVATE = new Page("/login/activate.xhtml");

  public static final Page FREEZE = new Page("/login/freeze.xhtml");

  public static final Page PORTAL_HOME = new Page("/portal/index.xhtml");

  public static final Page BACKOFFICE_HOME = new Page("/backoffice/index.xhtml");

  public static final Page OPERATOR_HOME = new Page("/operator/index.xhtml");

  private AccountPages() {}
}
