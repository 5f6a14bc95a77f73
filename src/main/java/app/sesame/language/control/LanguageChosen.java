package app.sesame.language.control;

/** A signed-in person chose the language of their pages, for their account to remember it. */
public record LanguageChosen(Language language) {}
