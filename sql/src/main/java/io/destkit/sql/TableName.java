package io.destkit.sql;

import io.destkit.sql.SqlIdentifiers;

/** A table, with its schema where the engine has schemas; {@link #sql()} is the quoted form to use in statements. */
public record TableName(String schema, String name) {
  public String sql() {
    return schema == null ? SqlIdentifiers.quote(name) : SqlIdentifiers.qualified(schema, name);
  }

  @Override
  public String toString() {
    return schema == null ? name : schema + "." + name;
  }
}
