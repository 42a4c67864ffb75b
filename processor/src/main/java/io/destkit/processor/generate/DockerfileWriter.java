package io.destkit.processor.generate;

import com.fasterxml.jackson.databind.node.TextNode;
import io.destkit.processor.model.BuildOptions;
import io.destkit.processor.model.ConnectorModel;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the Dockerfile of the connector's image, as the Airbyte platform expects it: a JRE 17 image, the user
 * {@code airbyte} (uid and gid 1000, which the platform runs connectors as), a writable {@code /airbyte} as working
 * directory, the jar as entry point (also in {@code AIRBYTE_ENTRYPOINT}, which the platform reads), and the
 * {@code io.airbyte.name} and {@code io.airbyte.version} labels. Its build context is the module's folder.
 */
public final class DockerfileWriter {
  /** Where the Dockerfile goes, next to the spec. */
  public static final String RESOURCE = "META-INF/destkit/Dockerfile";
  /** The base image: Debian-family (for useradd), with a Java 17 runtime. */
  public static final String BASE_IMAGE = "eclipse-temurin:17-jre";

  private final ConnectorModel connector;
  private final BuildOptions options;

  public DockerfileWriter(ConnectorModel connector, BuildOptions options) {
    this.connector = connector;
    this.options = options;
  }

  /** Where the jar is inside the image: outside {@code /airbyte}, so that a volume mounted there cannot hide it. */
  public static String imageJar(ConnectorModel connector) {
    return "/app/" + connector.name().value() + ".jar";
  }

  /** The class-data-sharing archive made when the image is built, next to the jar. */
  public static String imageArchive(ConnectorModel connector) {
    return "/app/" + connector.name().value() + ".jsa";
  }

  /**
   * The collector the image runs with. A connector streams: it holds a few batches at a time and drops each once
   * written, so a collector that pauses now and then for a small young generation costs no speed, while the
   * default one (G1, on a machine with two cores or more) grows the heap it touches to several times what the
   * connector holds and runs threads of its own beside the connector's two (BENCHMARKS.md, issue 18).
   */
  public static final String COLLECTOR = "-XX:+UseSerialGC";

  /**
   * The image's command, as ENTRYPOINT's words: the JVM with the image's collector and class-data-sharing archive,
   * and its own warnings sent to standard error (by default they go to standard output, which is the protocol's).
   */
  public static List<String> command(ConnectorModel connector) {
    return List.of("java", COLLECTOR, "-XX:SharedArchiveFile=" + imageArchive(connector), "-Xlog:disable",
        "-Xlog:all=warning:stderr", "-jar", imageJar(connector));
  }

  /**
   * The command that makes the archive: a {@code spec} run, with the image's collector, that writes the classes it
   * loaded at exit.
   */
  public static List<String> archiveCommand(ConnectorModel connector) {
    return List.of("java", COLLECTOR, "-XX:ArchiveClassesAtExit=" + imageArchive(connector), "-Xlog:disable",
        "-Xlog:all=warning:stderr", "-jar", imageJar(connector), "spec");
  }

  /** The Dockerfile, identical on every build with the same options. */
  public String write() {
    String image = connector.dockerRepository().value() + ":" + options.version();
    List<String> command = command(connector);
    StringBuilder out = new StringBuilder();
    out.append("# ").append(GeneratedFiles.notice(connector.className().simpleName())).append('\n');
    out.append("#\n");
    out.append("# The image of ").append(connector.name().value()).append(". Build it from the module's folder once the jar is")
        .append(" built:\n");
    out.append("#   docker build -f target/classes/").append(RESOURCE).append(" -t ").append(image).append(" .\n");
    out.append("# JVM options (heap size, say) go in the JAVA_TOOL_OPTIONS environment variable.\n");
    out.append("FROM ").append(BASE_IMAGE).append("\n\n");
    out.append("# The platform runs connectors as user and group 1000 and gives them /airbyte to work in. Some base\n");
    out.append("# images have a user or group 1000 already (ubuntu): it makes room for airbyte.\n");
    out.append("RUN set -eu; \\\n");
    out.append("    if user=\"$(getent passwd 1000)\"; then userdel \"${user%%:*}\"; fi; \\\n");
    out.append("    if group=\"$(getent group 1000)\"; then groupdel \"${group%%:*}\"; fi; \\\n");
    out.append("    groupadd --gid 1000 airbyte; \\\n");
    out.append("    useradd --uid 1000 --gid 1000 --create-home airbyte; \\\n");
    out.append("    mkdir -p /airbyte; \\\n");
    out.append("    chown airbyte:airbyte /airbyte\n\n");
    out.append("# The connector jar, owned by root: the connector can read it, not change it.\n");
    out.append("COPY ").append(json(List.of(options.jar(connector.name().value()), imageJar(connector)))).append("\n\n");
    out.append("# A class-data-sharing archive of the classes a command loads, made once here: spec and check start\n");
    out.append("# about twice as fast with it (destkit's BENCHMARKS.md). A JVM that cannot use it runs without it.\n");
    out.append("RUN ").append(json(archiveCommand(connector))).append("\n\n");
    out.append("WORKDIR /airbyte\n");
    out.append("ENV AIRBYTE_ENTRYPOINT=").append(quoted(String.join(" ", command))).append('\n');
    out.append("ENTRYPOINT ").append(json(command)).append("\n\n");
    out.append("LABEL io.airbyte.name=").append(quoted(connector.dockerRepository().value())).append('\n');
    out.append("LABEL io.airbyte.version=").append(quoted(options.version())).append("\n\n");
    out.append("USER airbyte\n");
    return out.toString();
  }

  /** Words in the exec form, a JSON array. */
  private static String json(List<String> words) {
    return words.stream().map(DockerfileWriter::quoted).collect(Collectors.joining(", ", "[", "]"));
  }

  /** A double-quoted string, escaped as JSON (which also reads right where Docker expects a quoted value). */
  private static String quoted(String text) {
    return TextNode.valueOf(text).toString();
  }
}
