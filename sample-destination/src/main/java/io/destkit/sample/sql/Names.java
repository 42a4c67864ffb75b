package io.destkit.sample.sql;

import java.nio.charset.StandardCharsets;
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
    String identifier = normalize(name, maxLength);
    if (!taken.add(key(identifier))) {
      identifier = withHash(identifier, name);
      taken.add(key(identifier));
    }
    return identifier;
  }

  private String key(String identifier) {
    return caseInsensitive ? identifier.toLowerCase(Locale.ROOT) : identifier;
  }

  private String withHash(String identifier, String original) {
    String suffix = "_" + hash(original);
    int keep = Math.min(identifier.length(), maxLength - suffix.length());
    return identifier.substring(0, keep) + suffix;
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
