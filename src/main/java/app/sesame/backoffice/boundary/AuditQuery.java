package app.sesame.backoffice.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * What the audit page asks for. Any filter may be {@code null}.
 *
 * @param actor part of the e-mail address of who acted
 * @param subject part of the e-mail address of the account acted upon
 */
public record AuditQuery(Instant from, Instant to, String actor, String subject, String type)
    implements Serializable {}
