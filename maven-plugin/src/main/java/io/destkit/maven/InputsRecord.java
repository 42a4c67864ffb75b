package io.destkit.maven;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the destkit processor recorded at its last run about what it read besides the Java sources: written by the
 * processor's {@code BuildInputs} as {@value #RESOURCE} in the generated-sources folder.
 *
 * @param format the record's shape; this plugin reads {@link #FORMAT}
 * @param processor the processor's version
 * @param options the {@code destkit.*} processor options it was given
 * @param files each file it read or looked for, by absolute path, with the SHA-256 of its bytes (null: no file there)
 * @param sourcePathMisses paths it looked for on the source path and did not find
 * @param origins binary names of the types whose compilation read these inputs
 */
record InputsRecord(int format, String processor, Map<String, String> options, Map<String, String> files,
    List<String> sourcePathMisses, List<String> origins) {
  /** Where the processor writes it, relative to the generated-sources folder. */
  static final String RESOURCE = "META-INF/destkit/inputs.properties";
  static final int FORMAT = 1;
  /** The digest the processor writes for a file it looked for and did not find. */
  static final String ABSENT = "absent";

  /** Reads the record; null when there is none. Throws when the file cannot be read. */
  static InputsRecord read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    int format;
    try {
      format = Integer.parseInt(properties.getProperty("format", "-1").trim());
    } catch (NumberFormatException e) {
      format = -1;
    }
    Map<String, String> options = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("option.")) {
        options.put(key.substring("option.".length()), properties.getProperty(key));
      }
    }
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; properties.containsKey("file." + i + ".path"); i++) {
      String digest = properties.getProperty("file." + i + ".sha256", ABSENT);
      files.put(properties.getProperty("file." + i + ".path"), ABSENT.equals(digest) ? null : digest);
    }
    return new InputsRecord(format, properties.getProperty("processor", ""), Collections.unmodifiableMap(options),
        Collections.unmodifiableMap(files), numbered(properties, "sourcePathMiss."), numbered(properties, "origin."));
  }

  /** The values of {@code prefix0}, {@code prefix1}, ... up to the first gap. */
  private static List<String> numbered(Properties properties, String prefix) {
    List<String> values = new ArrayList<>();
    for (int i = 0; properties.containsKey(prefix + i); i++) {
      values.add(properties.getProperty(prefix + i));
    }
    return List.copyOf(values);
  }
}
