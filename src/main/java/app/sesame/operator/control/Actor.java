package app.sesame.operator.control;

/**
 * Who acts on a firm, for its audit trail: an operator signed in to the console, or IT's script
 * through the API (no account: the trail says "api").
 *
 * @param accountId the operator's account; {@code null} for the API
 * @param detail what the trail notes beside the action
 */
public record Actor(Long accountId, String detail) {
  /** IT's scripts, through the token of the operators' API. */
  public static final Actor API = new Actor(null, "api");

  public static Actor operator(long accountId) {
    return new Actor(accountId, null);
  }
}
