package io.destkit.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Destination} class and everything read from it.
 *
 * @param configClass the class named in {@code config}, as written
 * @param configElement the class named in {@code config}, or null when it names none (a primitive or an array)
 * @param config the config read from it, or null when it is not annotated {@code @ConnectorConfig}
 * @param construction how a connector instance is created: without arguments, or with the config
 * @param checks every {@code @Check} method of the class (valid models have at most one)
 * @param handlers every write handler method of the class, in declaration order
 * @param streams the typed streams it declares with {@code @Stream}
 * @param dockerRepository the image repository, the default ({@code destkit/<name>}) applied
 * @param breakingChanges its {@code @BreakingChange} declarations, in declaration order
 * @param namesTaken classes of the author's that have the name of a class destkit generates for it
 * @param releasedSpec the spec of the last release as the build names it; null when it names none
 * @param discovers every {@code @Discover} method of the class (valid models have at most one)
 */
public record ConnectorModel(TypeElement element, AnnotationMirror annotation, ClassName className,
    Attribute<String> name, Attribute<String> title, Attribute<String> documentationUrl, Attribute<String> configClass,
    TypeElement configElement, ConfigModel config, Construction construction, List<CheckModel> checks,
    List<HandlerModel> handlers, List<StreamModel> streams, Attribute<String> dockerRepository,
    Attribute<String> license, List<BreakingChangeModel> breakingChanges, List<NameTaken> namesTaken,
    ReleasedSpec releasedSpec, List<DiscoverModel> discovers) {

  /** The name people read: the title, else the config's title, else the technical name. */
  public String displayName() {
    if (!title.value().isEmpty()) {
      return title.value();
    }
    return config != null && !config.title().value().isEmpty() ? config.title().value() : name.value();
  }

  /** The record class generated for a declared stream, by stream name; null when none is declared. */
  public ClassName recordClass(String stream) {
    return streams.stream().filter(s -> s.name().value().equals(stream)).findFirst()
        .map(s -> className.peerClass(s.type().value())).orElse(null);
  }

  /** The check method, when there is one. */
  public CheckModel check() {
    return checks.isEmpty() ? null : checks.get(0);
  }

  /** The handlers of one kind, in declaration order. */
  public List<HandlerModel> handlers(HandlerModel.Kind kind) {
    return handlers.stream().filter(h -> h.kind() == kind).toList();
  }

  /** The sync modes some records handler writes, as protocol values, in the protocol's order. */
  public List<String> supportedModes() {
    return SYNC_MODES.stream()
        .filter(mode -> handlers(HandlerModel.Kind.RECORDS).stream().anyMatch(h -> h.modes().value().contains(mode)))
        .toList();
  }

  /** Whether some records method handles the streams' files ({@code @OnRecords(files = true)}). */
  public boolean fileTransfer() {
    return handlers(HandlerModel.Kind.RECORDS).stream().anyMatch(h -> h.files().value());
  }

  /**
   * Whether the connector can take a truncate refresh: whether it writes {@code overwrite}. A connector that replaces
   * a stream's data when the stream ends COMPLETE can replace older generations the same way, and the runtime gives
   * it all it needs on every stream: the generation ids ({@code StreamContext.truncatesOlderGenerations()}), and the
   * stream's completion only after its last commit, never for a stream that did not complete.
   */
  public boolean refreshes() {
    return supportedModes().contains("overwrite");
  }

  /**
   * Whether the connector is a data activation destination: it writes {@code update} or {@code soft_delete} (the
   * operations of protocol 0.16 that activation targets such as CRMs take). The one place that decides it.
   */
  public boolean dataActivation() {
    return supportedModes().contains("update") || supportedModes().contains("soft_delete") || !discovers.isEmpty();
  }

  /** The {@code @Discover} method, when there is one. */
  public DiscoverModel discover() {
    return discovers.isEmpty() ? null : discovers.get(0);
  }

  /**
   * The modes in which a declared stream is an object of the destination catalog: those of the records methods
   * that name it, else those of the untyped methods that take any stream; in the protocol's order.
   */
  public List<String> objectModes(StreamModel stream) {
    List<HandlerModel> records = handlers(HandlerModel.Kind.RECORDS);
    List<HandlerModel> naming = records.stream().filter(h -> h.stream().value().equals(stream.name().value())).toList();
    List<HandlerModel> taking = !naming.isEmpty() ? naming : records.stream()
        .filter(h -> h.stream().value().isEmpty() && h.namespace().value().isEmpty() && !h.typed()).toList();
    return SYNC_MODES.stream().filter(mode -> taking.stream().anyMatch(h -> h.modes().value().contains(mode)))
        .toList();
  }

  /** Every destination sync mode, in the order the protocol lists them. */
  public static final List<String> SYNC_MODES = List.of("append", "overwrite", "append_dedup", "update",
      "soft_delete");

  /** A class of the author's whose name a generated class would take. */
  public record NameTaken(ClassName name, Site site) {}
}
