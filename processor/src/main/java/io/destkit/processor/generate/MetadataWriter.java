package io.destkit.processor.generate;

import com.fasterxml.jackson.databind.node.TextNode;
import io.destkit.processor.model.BreakingChangeModel;
import io.destkit.processor.model.BuildOptions;
import io.destkit.processor.model.ConnectorModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes {@code metadata.yaml} in the shape of Airbyte's connector metadata ({@code metadataSpecVersion} 1.0): the
 * fields its schema requires, with the connector's values; what the connector can do, which the registry reads from
 * here and not from the spec; and its declared breaking changes.
 *
 * <p>The capabilities are derived from the handlers, never declared, and always written, {@code false} included:
 * <ul>
 *   <li>{@code supportsRefreshes}: the connector writes {@code overwrite} ({@link ConnectorModel#refreshes()}). The
 *       runtime finalizes an overwrite or a truncate refresh only once the stream ends COMPLETE, and gives every
 *       handler the stream's generation ids, so a connector that replaces a stream's data on completion can drop
 *       older generations the same way.</li>
 *   <li>{@code supportsFileTransfer}: some {@code @OnRecords} method has {@code files = true}
 *       ({@link ConnectorModel#fileTransfer()}).</li>
 *   <li>{@code supportsDataActivation}: {@link ConnectorModel#dataActivation()}.</li>
 * </ul>
 * {@code connectorIPCOptions.dataChannel} declares speed mode (SPEED-MODE.md, "Selection"), which the runtime reads for
 * every connector: JSON lines and protobuf, over sockets and standard input, channel version 0.0.2.
 * Airbyte's schema allows no field beyond its own under {@code data}, so the supported sync modes (which the platform
 * reads from the spec) are listed as {@code sync-mode:<mode>} tags.
 */
public final class MetadataWriter {
  /** Where the file goes, next to the spec. */
  public static final String RESOURCE = "META-INF/destkit/metadata.yaml";
  /** Text YAML reads as a string when written without quotes; the rest is quoted. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 ._/:()+-]*"
      // Versions with two dots and UUIDs are strings to YAML too, as Airbyte's own files write them.
      + "|[0-9]+\\.[0-9]+\\.[0-9]+[A-Za-z0-9._-]*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Set<String> YAML_WORDS = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");

  private final ConnectorModel connector;
  private final BuildOptions options;

  public MetadataWriter(ConnectorModel connector, BuildOptions options) {
    this.connector = connector;
    this.options = options;
  }

  /**
   * The connector's definition id: a name-based UUID of its image repository, so that it stays the same from build to
   * build and release to release, and differs between connectors published under different repositories.
   */
  public static UUID definitionId(ConnectorModel connector) {
    return UUID.nameUUIDFromBytes(("destkit:destination:" + connector.dockerRepository().value())
        .getBytes(StandardCharsets.UTF_8));
  }

  /** The file, identical on every build with the same options. */
  public String write() {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(GeneratedFiles.notice(connector.className().simpleName())).append('\n');
    out.append("metadataSpecVersion: \"1.0\"\n");
    out.append("data:\n");
    field(out, "  ", "connectorType", "destination");
    field(out, "  ", "name", connector.displayName());
    field(out, "  ", "definitionId", definitionId(connector).toString());
    field(out, "  ", "dockerRepository", connector.dockerRepository().value());
    field(out, "  ", "dockerImageTag", options.version());
    field(out, "  ", "documentationUrl", connector.documentationUrl().value());
    field(out, "  ", "githubIssueLabel", connector.name().value());
    field(out, "  ", "license", connector.license().value());
    // Required by Airbyte's schema; destkit cannot tell the kind of system written to, nor a stage the platform has
    // not given: "custom" is the stage of connectors Airbyte does not publish.
    field(out, "  ", "connectorSubtype", "unknown");
    field(out, "  ", "releaseStage", "custom");
    out.append("  supportsRefreshes: ").append(connector.refreshes()).append('\n');
    out.append("  supportsFileTransfer: ").append(connector.fileTransfer()).append('\n');
    out.append("  supportsDataActivation: ").append(connector.dataActivation()).append('\n');
    // Every destkit connector reads speed mode (the runtime's SocketInputs): the platform may pick it when the source
    // declares the same channel version.
    out.append("  connectorIPCOptions:\n");
    out.append("    dataChannel:\n");
    out.append("      version: \"0.0.2\"\n");
    out.append("      supportedSerialization:\n");
    out.append("        - JSONL\n");
    out.append("        - PROTOBUF\n");
    out.append("      supportedTransport:\n");
    out.append("        - SOCKET\n");
    out.append("        - STDIO\n");
    out.append("  tags:\n");
    out.append("    - language:java\n");
    for (String mode : connector.supportedModes()) {
      out.append("    - ").append(scalar("sync-mode:" + mode)).append('\n');
    }
    List<BreakingChangeModel> changes = connector.breakingChanges().stream()
        .sorted(BreakingChangeModel.BY_VERSION)
        .toList();
    if (!changes.isEmpty()) {
      out.append("  releases:\n");
      out.append("    breakingChanges:\n");
      for (BreakingChangeModel change : changes) {
        out.append("      ").append(scalar(change.version().value())).append(":\n");
        // Quoted, as Airbyte writes it: a plain date would be read as a timestamp by YAML 1.1 readers.
        out.append("        upgradeDeadline: ").append(quoted(change.upgradeDeadline().value())).append('\n');
        field(out, "        ", "message", change.message().value());
      }
    }
    return out.toString();
  }

  private static void field(StringBuilder out, String indent, String name, String value) {
    out.append(indent).append(name).append(": ").append(scalar(value)).append('\n');
  }

  /** A YAML scalar that reads back as the same string: plain when it safely can be, else double-quoted. */
  static String scalar(String text) {
    boolean plain = PLAIN.matcher(text).matches() && !text.contains(": ") && !text.endsWith(" ")
        && !text.endsWith(":") && !YAML_WORDS.contains(text.toLowerCase(Locale.ROOT));
    return plain ? text : quoted(text);
  }

  /** YAML's double-quoted style, whose escapes JSON's are a subset of. */
  private static String quoted(String text) {
    return TextNode.valueOf(text).toString();
  }
}
