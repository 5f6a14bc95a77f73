/**
 * The two languages of every page and e-mail: {@code Language}, the bundles ({@code Messages}), the
 * language of the current request ({@code CurrentLanguage}), and the switch a visitor uses ({@code
 * LanguageChoice}, {@code LanguageSwitch}), announced to whoever keeps a preference ({@code
 * LanguageChosen}).
 */
package app.sesame.language;
