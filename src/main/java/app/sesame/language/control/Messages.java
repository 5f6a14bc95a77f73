package app.sesame.language.control;

import app.sesame.web.control.UserError;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.Collator;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Translated messages for pages: text lives in the bundles, never in Java. */
public final class Messages {
  public static final String BUNDLE = "i18n.messages";

  private Messages() {}

  public static String text(Locale locale, String key, Object... arguments) {
    try {
      String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
      return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    } catch (MissingResourceException e) {
      return "???" + key + "???";
    }
  }

  /**
   * The keys under a prefix, without it, each with its text in that language, ordered by text: the
   * choices a page offers for names that components declare with their labels.
   */
  public static Map<String, String> labels(Locale locale, String prefix) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
    Collator order = Collator.getInstance(locale);
    Map<String, String> labels = new LinkedHashMap<>();
    bundle.keySet().stream()
        .filter(k -> k.startsWith(prefix))
        .sorted((a, b) -> order.compare(bundle.getString(a), bundle.getString(b)))
        .forEach(k -> labels.put(k.substring(prefix.length()), bundle.getString(k)));
    return labels;
  }

  /** A text in the language of the current page. */
  public static String text(String key, Object... arguments) {
    return text(FacesContext.getCurrentInstance().getViewRoot().getLocale(), key, arguments);
  }

  public static void error(String key, Object... arguments) {
    add(FacesMessage.SEVERITY_ERROR, null, key, arguments);
  }

  public static void error(UserError error) {
    error(error.messageKey(), error.arguments());
  }

  /** An error shown next to one field of the form. */
  public static void errorOn(String clientId, String key, Object... arguments) {
    add(FacesMessage.SEVERITY_ERROR, clientId, key, arguments);
  }

  public static void info(String key, Object... arguments) {
    add(FacesMessage.SEVERITY_INFO, null, key, arguments);
  }

  /** An information that survives the redirect after the action. */
  public static void flashInfo(String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().getFlash().setKeepMessages(true);
    info(key, arguments);
  }

  private static void add(
      FacesMessage.Severity severity, String clientId, String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String text = text(faces.getViewRoot().getLocale(), key, arguments);
    faces.addMessage(clientId, new FacesMessage(severity, text, null));
  }
}
