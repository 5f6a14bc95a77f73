package app.sesame.sms.entity;

/** What an SMS code proves. A code made for one purpose is never accepted for the other. */
public enum SmsPurpose {
  /** The number typed on the security page is the owner's. */
  PHONE_CONFIRMATION,
  /** The person recovering an account holds its confirmed number. */
  RECOVERY
}
