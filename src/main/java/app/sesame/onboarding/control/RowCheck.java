package app.sesame.onboarding.control;

import app.sesame.account.control.Onboarding;
import app.sesame.account.control.PhoneNumbers;
import app.sesame.account.entity.Account;
import app.sesame.language.control.Language;
import app.sesame.onboarding.control.Columns.Field;
import app.sesame.onboarding.entity.ImportRow;
import app.sesame.onboarding.entity.RowProblem;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a client file's records as rows to invite, each with the first problem that keeps it from
 * being invited, by the same rules as the invitation form.
 */
final class RowCheck {
  private static final Map<String, Language> LANGUAGES =
      Map.of(
          "fr", Language.FR,
          "francais", Language.FR,
          "french", Language.FR,
          "en", Language.EN,
          "anglais", Language.EN,
          "english", Language.EN);

  private RowCheck() {}

  /**
   * The rows of the file.
   *
   * @param taken of the file's addresses (normalised), those an account of the firm already has
   */
  static List<ImportRow> rows(
      long importId,
      ClientFile file,
      Columns columns,
      Language fallback,
      Function<Set<String>, Set<String>> taken) {
    Map<String, Integer> firstLine = new HashMap<>();
    List<ImportRow> rows =
        file.records().stream().map(r -> row(importId, r, columns, fallback)).toList();
    Set<String> addresses =
        rows.stream()
            .map(ImportRow::getEmail)
            .filter(Onboarding::isAddress)
            .map(Account::normalizeEmail)
            .collect(java.util.stream.Collectors.toSet());
    Set<String> inFirm = addresses.isEmpty() ? Set.of() : taken.apply(addresses);
    for (ImportRow row : rows) {
      problem(row)
          .ifPresentOrElse(
              p -> row.problem(p, null),
              () -> {
                String address = Account.normalizeEmail(row.getEmail());
                Integer earlier = firstLine.putIfAbsent(address, row.getLine());
                if (earlier != null) {
                  row.problem(RowProblem.DUPLICATE, earlier);
                } else if (inFirm.contains(address)) {
                  row.problem(RowProblem.ALREADY_CLIENT, null);
                }
              });
    }
    return rows;
  }

  private static ImportRow row(
      long importId, ClientFile.Record record, Columns columns, Language fallback) {
    String name = cell(record, columns, Field.NAME);
    if (name.isEmpty()) {
      name =
          (cell(record, columns, Field.FIRST_NAME) + " " + cell(record, columns, Field.LAST_NAME))
              .strip();
    }
    String language = cell(record, columns, Field.LANGUAGE);
    return new ImportRow(
        importId,
        record.line(),
        name,
        cell(record, columns, Field.EMAIL),
        language.isEmpty() ? fallback.code() : language(language).map(Language::code).orElse("?"),
        cell(record, columns, Field.MOBILE));
  }

  private static String cell(ClientFile.Record record, Columns columns, Field field) {
    return columns.column(field).map(record::cell).orElse("").replaceAll("\\s+", " ");
  }

  private static Optional<RowProblem> problem(ImportRow row) {
    if (row.getName() == null || row.getName().isBlank()) {
      return Optional.of(RowProblem.NAME_MISSING);
    }
    if (row.getName().length() > 200) {
      return Optional.of(RowProblem.NAME_TOO_LONG);
    }
    if (!Onboarding.isAddress(row.getEmail())) {
      return Optional.of(RowProblem.EMAIL_INVALID);
    }
    if ("?".equals(row.getLanguage())) {
      return Optional.of(RowProblem.LANGUAGE_UNKNOWN);
    }
    if (row.getMobile() != null
        && !row.getMobile().isBlank()
        && PhoneNumbers.mobile(row.getMobile()).isEmpty()) {
      return Optional.of(RowProblem.MOBILE_INVALID);
    }
    return Optional.empty();
  }

  /** A language as a file may name it: "fr", "Français", "English"... */
  static Optional<Language> language(String text) {
    String plain =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .strip();
    return Optional.ofNullable(LANGUAGES.get(plain));
  }
}
