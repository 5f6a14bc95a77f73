package app.sesame.secrets.control;

/**
 * A column of values sealed or hashed with the encryption key, declared by the component that owns
 * it (a producer field of type {@code Sealed}), so that a key rotation finds every value without
 * knowing the components: sealed values are sealed again with the new key; keyed hashes, which
 * cannot be made again without what they hash, are counted while they still matter.
 *
 * @param table the table
 * @param column the column holding the value
 * @param purpose for sealed values, the SQL expression of the row's associated data; {@code null}
 *     for keyed hashes
 * @param live the SQL condition of the rows whose value still matters
 */
public record Sealed(String table, String column, String purpose, String live) {
  /** Values sealed with the associated data this SQL expression gives for their row. */
  public static Sealed values(String table, String column, String purposeSql) {
    return new Sealed(table, column, purposeSql, "1 = 1");
  }

  /** Keyed hashes, which matter while their rows meet this SQL condition. */
  public static Sealed hashes(String table, String column, String liveSql) {
    return new Sealed(table, column, null, liveSql);
  }

  public boolean hashed() {
    return purpose == null;
  }

  @Override
  public String toString() {
    return table + "." + column;
  }
}
