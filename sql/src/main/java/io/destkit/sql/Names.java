package io.destkit.sql;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Turns stream, namespace and field names into identifiers every engine takes: accents stripped, characters outside
 * {@code [A-Za-z0-9_]} made {@code _}, a leading digit prefixed with {@code _}, truncated to the engine's limit. Within
 * one scope (the tables of a schema, the columns of a table) no two names map to the same identifier: the later one
 * gets a short hash of its original name. The identifiers are always quoted when used, besides.
 */
public final class Names {
  private static final int HASH_LENGTH = 8;

  private final int maxLength;
  private final boolean caseInsensitive;
  private final Set<String> taken = new HashSet<>();

  /** A scope for identifiers of at most {@code maxLength} characters; {@code caseInsensitive} as SQLite compares. */
  public Names(int maxLength, boolean caseInsensitive) {
    this.maxLength = maxLength;
    this.caseInsensitive = caseInsensitive;
  }

  /** Marks an identifier as used, e.g. the {@code _airbyte_*} columns. */
  public void reserve(String identifier) {
    taken.add(key(identifier));
  }

  /** The identifier for {@code name}, unique in this scope. */
  public String assign(String name) {
    try {
      return assign(name, candidate -> false);
    } catch (SQLException e) {
      throw new IllegalStateException("no lookup, no failure", e);
    }
  }

  /** Whether an identifier is held by something outside this scope, e.g. a table of an earlier sync. */
  @FunctionalInterface
  public interface Held {
    boolean test(String identifier) throws SQLException;
  }

  /** The identifier for {@code name}, unique in this scope and not {@code heldElsewhere}. */
  public String assign(String name, Held heldElsewhere) throws SQLException {
    String identifier = normalize(name, maxLength);
    String candidate = identifier;
    // A third name may by chance be the hashed form of the second: hash again, differently, until free.
    for (int attempt = 0; taken.contains(key(candidate)) || heldElsewhere.test(candidate); attempt++) {
      candidate = withHash(identifier, attempt == 0 ? name : name + "#" + attempt);
    }
    taken.add(key(candidate));
    return candidate;
  }

  private String key(String identifier) {
    return caseInsensitive ? identifier.toLowerCase(Locale.ROOT) : identifier;
  }

  private String withHash(String identifier, String original) {
    String suffix = "_" + hash(original);
    int keep = Math.min(identifier.length(), maxLength - suffix.length());
    return identifier.substring(0, keep) + suffix;
  }

  /**
   * The identifier of a helper table of the table {@code identifier} (its staging copy, its tombstones): the table's
   * identifier followed by {@code suffix}, which starts with {@code $}. No normalized name holds a {@code $}, so a
   * helper table never takes the name of a stream's table, and two tables' helpers never collide: when the result
   * would be too long, the table's part is cut and a hash of the whole identifier added before the suffix.
   */
  public static String helper(String identifier, String suffix, int maxLength) {
    if (!suffix.startsWith("$")) {
      throw new IllegalArgumentException("A helper table's suffix starts with $: " + suffix);
    }
    if (identifier.length() + suffix.length() <= maxLength) {
      return identifier + suffix;
    }
    String hash = "_" + hash(identifier);
    return identifier.substring(0, maxLength - suffix.length() - hash.length()) + hash + suffix;
  }

  /** The normalized form of {@code name}, truncated (with a hash of the whole name) when longer than allowed. */
  public static String normalize(String name, int maxLength) {
    String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    StringBuilder out = new StringBuilder(stripped.length() + 1);
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
      out.append(plain ? c : '_');
    }
    if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
      out.insert(0, '_');
    }
    String normalized = out.toString();
    if (normalized.length() > maxLength) {
      String suffix = "_" + hash(name);
      normalized = normalized.substring(0, maxLength - suffix.length()) + suffix;
    }
    return normalized;
  }

  private static String hash(String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
