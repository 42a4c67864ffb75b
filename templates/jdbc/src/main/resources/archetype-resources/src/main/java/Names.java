package ${package};

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * Turns stream, namespace and field names into SQL identifiers every database takes: accents stripped, lower case,
 * characters outside {@code [a-z0-9_]} made {@code _}, a leading digit prefixed with {@code _}, at most
 * {@value #MAX_LENGTH} characters. A name that had to change gets a short hash of the original appended, so names
 * differing only by case or punctuation ({@code Amount}, {@code amount}, {@code a-b}, {@code a_b}) never share a
 * column, and a name always maps to the same identifier, whatever the other names of the sync. Identifiers are
 * quoted besides, so reserved words ({@code select}, {@code order}) are fine.
 */
public final class Names {
  /** PostgreSQL's limit, the lowest of the common databases. */
  public static final int MAX_LENGTH = 63;

  private static final String RESERVED_PREFIX = "_airbyte_";

  private Names() {}

  /** The column of field {@code name}; fields named like the Airbyte columns get a hash too. */
  public static String column(String name) {
    String plain = plain(name);
    boolean unchanged = plain.equals(name) && !name.startsWith(RESERVED_PREFIX);
    return unchanged && plain.length() <= MAX_LENGTH ? plain : hashed(plain, name);
  }

  /**
   * A part of a table's name (a stream's or a namespace's). Besides the rules of columns, a part never begins or ends
   * with {@code _} nor holds {@code __}, so that {@code <namespace>__<stream>} names one stream only.
   */
  public static String tablePart(String name) {
    String plain = plain(name).replaceAll("_+", "_").replaceAll("^_|_$", "");
    if (plain.isEmpty() || Character.isDigit(plain.charAt(0))) {
      plain = "t" + plain;
    }
    return plain.equals(name) && plain.length() <= MAX_LENGTH ? plain : hashed(plain, name);
  }

  private static String plain(String name) {
    String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    StringBuilder plain = new StringBuilder(stripped.length() + 1);
    for (int i = 0; i < stripped.length(); i++) {
      char c = Character.toLowerCase(stripped.charAt(i));
      plain.append(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' ? c : '_');
    }
    if (plain.length() == 0 || Character.isDigit(plain.charAt(0))) {
      plain.insert(0, '_');
    }
    return plain.toString();
  }

  private static String hashed(String plain, String original) {
    String kept = plain.length() > MAX_LENGTH - 9 ? plain.substring(0, MAX_LENGTH - 9) : plain;
    return kept.replaceAll("_+$", "") + "_" + hash(original);
  }

  private static String hash(String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }
}
