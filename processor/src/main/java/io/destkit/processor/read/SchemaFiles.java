package io.destkit.processor.read;

import io.destkit.processor.read.BuildInputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds a stream's schema file: first under the folder the processor option {@code destkit.schemas} names, then as a
 * resource of the compilation (Maven copies {@code src/main/resources} to the class output before compiling), then
 * on the source path.
 */
public final class SchemaFiles {
  /** The processor option naming the folder schema paths are resolved against. */
  public static final String OPTION = "destkit.schemas";

  private final Filer filer;
  private final String folder;
  private final BuildInputs inputs;

  /** Every place looked at, found or not, is recorded in {@code inputs}, so that the build sees a change in any. */
  public SchemaFiles(Filer filer, String folder, BuildInputs inputs) {
    this.filer = filer;
    this.folder = folder;
    this.inputs = inputs;
  }

  /** The file's bytes, or null when none of the places has it; {@code lookedAt} gets each place tried. */
  public byte[] read(String path, List<String> lookedAt) {
    if (folder != null && !folder.isBlank()) {
      Path file = Path.of(folder).resolve(path);
      lookedAt.add(file.toString());
      byte[] bytes = inputs.read(file);
      if (bytes != null) {
        return bytes;
      }
    }
    for (StandardLocation location : List.of(StandardLocation.CLASS_OUTPUT, StandardLocation.SOURCE_PATH)) {
      lookedAt.add(location.getName() + ":" + path);
      FileObject file = null;
      byte[] bytes = null;
      try {
        file = filer.getResource(location, "", path);
        try (InputStream in = file.openInputStream()) {
          bytes = in.readAllBytes();
        }
      } catch (IOException | IllegalArgumentException e) {
        // Not there; try the next place.
      }
      inputs.located(location, path, file, bytes);
      if (bytes != null) {
        return bytes;
      }
    }
    return null;
  }

  /** A new list for {@link #read}'s places. */
  public static List<String> places() {
    return new ArrayList<>();
  }
}
