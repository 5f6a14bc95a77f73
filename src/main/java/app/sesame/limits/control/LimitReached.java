package app.sesame.limits.control;

/** A client address ran out of a {@link Limit}: fired once per burst, for the audit trail. */
public record LimitReached(Limit limit, String address) {}
