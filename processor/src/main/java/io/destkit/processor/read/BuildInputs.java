package io.destkit.processor.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Everything the processor read besides the sources javac gives it: the files it opened or looked for (schema files,
 * the released spec), with a digest of each, the {@code destkit.*} options, its own version, and the types whose
 * compilation read them. Written at the last round as {@value #RESOURCE} in the generated-sources folder (not the
 * class output, so it never ships in the jar), where {@code destkit-maven-plugin} reads it before the next compile:
 * when any of these changed, it makes the compiler run the processor again (see the plugin's {@code InputsMojo}).
 *
 * <p>The file is a contract between the two: {@value #FORMAT} names its shape, and both sides test it.
 */
public final class BuildInputs {
  /** Where the record is written, relative to {@link StandardLocation#SOURCE_OUTPUT}. */
  public static final String RESOURCE = "META-INF/destkit/inputs.properties";
  /** The digest of a file that was looked for and not found. */
  public static final String ABSENT = "absent";
  /** The record's shape; a plugin that finds another one recompiles. */
  public static final int FORMAT = 1;

  private final Map<String, String> options = new TreeMap<>();
  /** Absolute file path to the SHA-256 of its bytes, or null where no file was. */
  private final Map<String, String> files = new TreeMap<>();
  /** Paths looked for on the source path, where javac gives no file when there is none. */
  private final TreeSet<String> sourcePathMisses = new TreeSet<>();
  /** Binary names of the types whose processing read these inputs. */
  private final TreeSet<String> origins = new TreeSet<>();

  /** Keeps the {@code destkit.*} options among {@code all}. */
  public BuildInputs(Map<String, String> all) {
    all.forEach((name, value) -> {
      if (name.startsWith("destkit.")) {
        options.put(name, value == null ? "" : value);
      }
    });
  }

  /** A file read, or looked for and not there ({@code bytes} null). */
  public void file(Path path, byte[] bytes) {
    files.put(path.toAbsolutePath().normalize().toString(), bytes == null ? null : sha256(bytes));
  }

  /** A file looked for at a file system path: read it, record it, and return its bytes (null when absent). */
  public byte[] read(Path path) {
    byte[] bytes = null;
    if (Files.isRegularFile(path)) {
      try {
        bytes = Files.readAllBytes(path);
      } catch (IOException e) {
        bytes = null;
      }
    }
    file(path, bytes);
    return bytes;
  }

  /**
   * A file looked for through the Filer: recorded by its path when the location is on the file system (javac names an
   * output location's file even when there is none), as a source path miss when javac has no file to name.
   */
  public void located(StandardLocation location, String name, FileObject file, byte[] bytes) {
    URI uri = file == null ? null : file.toUri();
    if (uri != null && "file".equals(uri.getScheme())) {
      file(Path.of(uri), bytes);
    } else if (file == null && location == StandardLocation.SOURCE_PATH) {
      sourcePathMisses.add(name);
    }
  }

  /** The type (by binary name) whose compilation read the inputs. */
  public void origin(String binaryName) {
    origins.add(binaryName);
  }

  /**
   * Writes the record as a properties file (read with {@code Properties.load} from UTF-8): the plugin then needs no
   * library to read it, which keeps its own start-up, paid by every build, small.
   */
  public void write(Filer filer) throws IOException {
    StringBuilder text = new StringBuilder()
        .append("# What the destkit processor read besides the Java sources; destkit-maven-plugin compares it with\n")
        .append("# the build before each compile. Not part of the connector.\n");
    line(text, "format", Integer.toString(FORMAT));
    line(text, "processor", processorVersion());
    int i = 0;
    for (String origin : origins) {
      line(text, "origin." + i++, origin);
    }
    options.forEach((name, value) -> line(text, "option." + name, value));
    i = 0;
    for (Map.Entry<String, String> file : files.entrySet()) {
      line(text, "file." + i + ".path", file.getKey());
      line(text, "file." + i++ + ".sha256", file.getValue() == null ? ABSENT : file.getValue());
    }
    i = 0;
    for (String miss : sourcePathMisses) {
      line(text, "sourcePathMiss." + i++, miss);
    }
    FileObject out = filer.createResource(StandardLocation.SOURCE_OUTPUT, "", RESOURCE);
    try (OutputStream stream = out.openOutputStream()) {
      stream.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A {@code key=value} line; keys are ours (no character to escape), values are escaped as Properties reads them. */
  private static void line(StringBuilder text, String key, String value) {
    text.append(key).append('=');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        case ' ' -> text.append(i == 0 ? "\\ " : " ");
        default -> text.append(c);
      }
    }
    text.append('\n');
  }

  /** This processor's version, as its build stamped it, so that upgrading destkit regenerates. */
  public static String processorVersion() {
    Properties properties = new Properties();
    try (InputStream in = BuildInputs.class.getResourceAsStream("/io/destkit/processor/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // No version: the record then says "unknown", which a plugin treats as a change.
    }
    return properties.getProperty("version", "unknown");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
