package app.sesame.web.control;

/** The pages that say what went wrong, without a stack trace. */
public final class ErrorPages {
  public static final Page EXPIRED = new Page("/error/expired.xhtml");

  public static final Page ERROR = new Page("/error/error.xhtml");

  private ErrorPages() {}
}
