package app.sesame.onboarding.control;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which column of a client file holds what: found from the headers, in French or English, or chosen
 * by the person importing when the headers leave it unsure.
 */
public final class Columns implements Serializable {
  /** What a client file may tell about a client. */
  public enum Field {
    NAME(
        "name",
        "nom",
        "fullname",
        "nomcomplet",
        "client",
        "raisonsociale",
        "displayname",
        "clientname",
        "nomduclient",
        "denomination",
        "company"),
    FIRST_NAME("prenom", "firstname", "givenname"),
    LAST_NAME("nomdefamille", "lastname", "surname", "familyname", "nomdenaissance"),
    EMAIL(
        "email",
        "mail",
        "courriel",
        "adressemail",
        "adresseemail",
        "adressecourriel",
        "emailaddress",
        "adresseelectronique",
        "mel"),
    LANGUAGE("langue", "language", "lang", "languepreferee", "preferredlanguage"),
    MOBILE(
        "mobile",
        "portable",
        "telephonemobile",
        "telephoneportable",
        "mobilephone",
        "mobilenumber",
        "cellphone",
        "telephone",
        "phone",
        "tel",
        "numerodemobile",
        "numerodetelephone");

    private final Set<String> names;

    Field(String... names) {
      this.names = Set.of(names);
    }
  }

  private final EnumMap<Field, Integer> columns;

  private Columns(Map<Field, Integer> columns) {
    this.columns = new EnumMap<>(Field.class);
    this.columns.putAll(columns);
  }

  /** The columns as the headers name them. */
  public static Columns detect(List<String> headers) {
    Map<Field, Integer> found = new EnumMap<>(Field.class);
    for (int i = 0; i < headers.size(); i++) {
      String plain = plain(headers.get(i));
      for (Field field : Field.values()) {
        if (field.names.contains(plain) && !found.containsKey(field)) {
          found.put(field, i);
          break;
        }
      }
    }
    // "Nom" next to "Prénom" is the family name, not the whole name.
    if (found.containsKey(Field.FIRST_NAME)
        && found.containsKey(Field.NAME)
        && !found.containsKey(Field.LAST_NAME)
        && plain(headers.get(found.get(Field.NAME))).equals("nom")) {
      found.put(Field.LAST_NAME, found.remove(Field.NAME));
    }
    return new Columns(found);
  }

  /** A header without accents, case, spaces or punctuation: "Adresse e-mail" is "adresseemail". */
  static String plain(String header) {
    return Normalizer.normalize(header, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]", "");
  }

  /** Whether the headers said enough: an address column, and a name (whole or in two parts). */
  public boolean isSure() {
    return columns.containsKey(Field.EMAIL)
        && (columns.containsKey(Field.NAME) || columns.containsKey(Field.LAST_NAME));
  }

  public Optional<Integer> column(Field field) {
    return Optional.ofNullable(columns.get(field));
  }

  /** The same columns, with this field read from that column (or from none, with null). */
  public Columns with(Field field, Integer column) {
    Map<Field, Integer> changed = new EnumMap<>(Field.class);
    changed.putAll(columns);
    if (column == null || column < 0) {
      changed.remove(field);
    } else {
      changed.put(field, column);
    }
    return new Columns(changed);
  }

  /** As stored with the import: "EMAIL=2,NAME=0". */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    columns.forEach(
        (f, c) -> text.append(text.isEmpty() ? "" : ",").append(f).append('=').append(c));
    return text.toString();
  }

  public static Columns parse(String text) {
    Map<Field, Integer> read = new EnumMap<>(Field.class);
    if (text != null && !text.isBlank()) {
      for (String pair : text.split(",")) {
        String[] parts = pair.split("=");
        read.put(Field.valueOf(parts[0]), Integer.valueOf(parts[1]));
      }
    }
    return new Columns(read);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Columns c && c.columns.equals(columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }
}
