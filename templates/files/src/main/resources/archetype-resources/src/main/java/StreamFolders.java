package ${package};

import io.destkit.runtime.write.StreamDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Where a stream's files go: {@code <root>/<namespace>/<stream>/}, or {@code <root>/<stream>/} for a stream without
 * namespace. Names become folder names every file system takes: accents stripped, lower case, characters outside
 * {@code [a-z0-9_-]} made {@code _}, at most {@value #MAX_LENGTH} characters. A name that had to change gets a short
 * hash of the original appended, so that names differing only by case or punctuation ({@code Users} and
 * {@code users}, {@code a-b} and {@code a_b}) never share a folder; and a given name always maps to the same folder,
 * whatever the other streams of the sync.
 */
public final class StreamFolders {
  static final int MAX_LENGTH = 100;

  private StreamFolders() {}

  /** The folder of {@code stream}'s files under {@code root}. */
  public static Path of(Path root, StreamDescriptor stream) {
    Path parent = stream.namespace() == null ? root : root.resolve(folderName(stream.namespace()));
    return parent.resolve(folderName(stream.name()));
  }

  /** The folder name for a stream or namespace {@code name}. */
  public static String folderName(String name) {
    String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    StringBuilder plain = new StringBuilder(stripped.length());
    for (int i = 0; i < stripped.length(); i++) {
      char c = Character.toLowerCase(stripped.charAt(i));
      plain.append(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' ? c : '_');
    }
    String folder = plain.length() > MAX_LENGTH - 9 ? plain.substring(0, MAX_LENGTH - 9) : plain.toString();
    return folder.equals(name) ? folder : folder + "_" + hash(name);
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
