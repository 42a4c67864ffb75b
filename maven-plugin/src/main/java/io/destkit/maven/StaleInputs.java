package io.destkit.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares what the processor read at its last run ({@link InputsRecord}) with the build as it is now, and says what
 * changed: a file's bytes, a file that appeared or went away, a processor option, the destkit version. A file that the
 * last run read from the class output as a copy of a resource counts as gone when its resource is gone (Maven copies
 * resources but never removes a copy), and that stale copy is deleted so that the processor does not find it again.
 */
final class StaleInputs {
  /** The project as the plugin sees it now. */
  record Project(Path outputDirectory, List<Resource> resources, List<Path> sourceRoots, Map<String, String> options,
      String destkitVersion) {}

  /** A resource folder and where Maven copies it under the output directory ({@code targetPath}, or null). */
  record Resource(Path directory, String targetPath) {}

  private StaleInputs() {}

  /** Why the processor must run again, one line each; empty when nothing it read changed. */
  static List<String> changes(InputsRecord last, Project now) {
    List<String> changes = new ArrayList<>();
    if (last.format() != InputsRecord.FORMAT) {
      changes.add("the processor's record of its inputs has format " + last.format() + ", this plugin reads "
          + InputsRecord.FORMAT);
      return changes;
    }
    if (!last.processor().equals(now.destkitVersion())) {
      changes.add("destkit changed from " + last.processor() + " to " + now.destkitVersion());
    }
    TreeSet<String> names = new TreeSet<>(last.options().keySet());
    names.addAll(now.options().keySet());
    for (String name : names) {
      String before = last.options().get(name);
      String after = now.options().get(name);
      if (!Objects.equals(before, after)) {
        changes.add("processor option " + name + " changed from " + shown(before) + " to " + shown(after));
      }
    }
    Path output = now.outputDirectory().toAbsolutePath().normalize();
    for (Map.Entry<String, String> file : last.files().entrySet()) {
      Path path = Path.of(file.getKey());
      String digest = digest(currentFile(path, output, now.resources()));
      if (!Objects.equals(file.getValue(), digest)) {
        String what = file.getValue() == null ? " appeared" : digest == null ? " was removed" : " changed";
        boolean staleCopy = digest == null && path.startsWith(output) && !Files.exists(path);
        changes.add(path + what + (staleCopy ? " (a copy of a resource that is gone)" : ""));
      }
    }
    for (String name : last.sourcePathMisses()) {
      for (Path root : now.sourceRoots()) {
        if (Files.isRegularFile(root.resolve(name))) {
          changes.add(root.resolve(name) + " appeared");
        }
      }
    }
    return changes;
  }

  /**
   * The file at {@code path} as the next compile will find it: null when it is not there, or when it is a copy in the
   * output directory whose resource is gone (the copy is deleted then).
   */
  private static Path currentFile(Path path, Path output, List<Resource> resources) {
    if (!Files.isRegularFile(path)) {
      return null;
    }
    if (!path.startsWith(output) || resources.isEmpty()) {
      return path;
    }
    String relative = output.relativize(path).toString().replace('\\', '/');
    for (Resource resource : resources) {
      String prefix = resource.targetPath() == null || resource.targetPath().isBlank() ? ""
          : resource.targetPath().replaceAll("/+$", "") + "/";
      if (relative.startsWith(prefix)
          && Files.isRegularFile(resource.directory().resolve(relative.substring(prefix.length())))) {
        return path;
      }
    }
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path + ", a copy of a resource that is gone", e);
    }
    return null;
  }

  private static String digest(Path file) {
    if (file == null) {
      return null;
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String shown(String value) {
    return value == null ? "(none)" : "'" + value + "'";
  }
}
