package app.sesame.recovery.boundary;

import app.sesame.web.control.Page;

/** The pages a recovery leads to: its start, and the client's page its accountant checks. */
public final class RecoveryPages {
  public static final Page RECOVER = new Page("/login/recover.xhtml");

  public static final Page BACKOFFICE_CLIENT = new Page("/backoffice/client.xhtml");

  private RecoveryPages() {}
}
