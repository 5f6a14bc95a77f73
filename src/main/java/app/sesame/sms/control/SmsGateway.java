package app.sesame.sms.control;

/** Where text messages leave the portal. */
public interface SmsGateway {
  /**
   * Sends a text message.
   *
   * @param to a mobile number in E.164 form
   * @throws SmsFailure when the message could not be handed over
   */
  void send(String to, String text);

  /** The message could not be handed over; nothing tells whether it will arrive. */
  class SmsFailure extends RuntimeException {
    public SmsFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
