package io.destkit.sql;

/** Quotes identifiers for SQL, so that no schema, table or column name is ever pasted into a statement as is. */
public final class SqlIdentifiers {
  private SqlIdentifiers() {}

  /**
   * The identifier as a double-quoted SQL identifier, each embedded double quote doubled; both SQLite and PostgreSQL
   * read it back exactly, case included.
   */
  public static String quote(String identifier) {
    if (identifier.indexOf('\0') >= 0) {
      // Neither engine accepts NUL in a name, and a driver may cut the statement there.
      throw new IllegalArgumentException("An SQL identifier cannot contain the NUL character");
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** {@code "schema"."name"}. */
  public static String qualified(String schema, String name) {
    return quote(schema) + '.' + quote(name);
  }
}
