package app.sesame.operator.control;

/**
 * A firm to create, as an operator types it or a script sends it: its name, its address part, and
 * its first administrator, who is invited by e-mail in the given language ("fr" or "en").
 */
public record NewFirm(
    String name, String slug, String adminName, String adminEmail, String language) {}
