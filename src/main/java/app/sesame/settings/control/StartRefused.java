package app.sesame.settings.control;

/**
 * A setting that cannot work: the start stops, naming the setting and what is wrong with it (never
 * its value when it is a secret).
 */
public class StartRefused extends RuntimeException {
  private final String setting;

  /**
   * @param problem what is wrong, as the rest of a sentence that begins with the setting's name
   *     ("is not set: …")
   */
  public StartRefused(String setting, String problem) {
    super(setting + " " + problem);
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }
}
