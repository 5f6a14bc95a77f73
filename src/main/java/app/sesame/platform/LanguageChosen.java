package app.sesame.platform;

/** A signed-in person chose the language of their pages, for their account to remember it. */
public record LanguageChosen(Language language) {}
