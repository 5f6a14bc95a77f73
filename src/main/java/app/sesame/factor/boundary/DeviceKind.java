package app.sesame.factor.boundary;

import app.sesame.audit.entity.AuditType;
import app.sesame.factor.entity.FactorDevice;
import app.sesame.mail.control.MailTemplate;

/**
 * What tells one kind of named device from another in the bookkeeping they share: its entity, its
 * entries in the audit trail, the mails its owner gets, and the message for an id that is not
 * theirs.
 *
 * @param type the kind's {@code SecondFactor} type
 * @param defaultName the name of a device whose owner typed none
 */
public record DeviceKind<D extends FactorDevice>(
    String type,
    Class<D> entity,
    String defaultName,
    AuditType added,
    AuditType renamed,
    AuditType removed,
    MailTemplate addedMail,
    MailTemplate removedMail,
    String unknownKey) {}
