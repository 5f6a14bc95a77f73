package app.sesame.sms.control;

import app.sesame.audit.entity.AuditType;

/** Codes sent by SMS, and what became of them. */
public enum SmsAudit implements AuditType {
  SMS_CODE_SENT,
  SMS_CODE_NOT_SENT,
  SMS_CODE_REFUSED,
  SMS_CODE_WRONG,
  SMS_CODE_ACCEPTED
}
