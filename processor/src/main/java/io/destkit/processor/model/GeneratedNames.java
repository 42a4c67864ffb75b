package io.destkit.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * The one list of the classes destkit generates for a connector, so that the reader can find the author's classes
 * that would clash with them and every writer names its class the same way.
 */
public final class GeneratedNames {
  private GeneratedNames() {}

  /** The main class, beside the connector: {@code AcmeDestinationMain}. */
  public static ClassName main(ClassName connector) {
    return sibling(connector, "Main");
  }

  /** The dispatcher that implements the runtime's write handlers: {@code AcmeDestinationDispatcher}. */
  public static ClassName dispatcher(ClassName connector) {
    return sibling(connector, "Dispatcher");
  }

  /** The config reader, beside the config class: {@code AcmeConfigReader}. */
  public static ClassName configReader(ClassName config) {
    return sibling(config, "Reader");
  }

  /** The codec of a typed stream's record class: {@code UserCodec}. */
  public static ClassName codec(ClassName recordClass) {
    return recordClass.peerClass(recordClass.simpleName() + "Codec");
  }

  /**
   * The classes generated for a connector once its streams' record classes exist: main, dispatcher and, when it has a
   * config class, its reader.
   */
  public static List<ClassName> connectorClasses(ClassName connector, ClassName config) {
    return config == null ? List.of(main(connector), dispatcher(connector))
        : List.of(main(connector), dispatcher(connector), configReader(config));
  }

  /** A generated class's name beside {@code origin}: its simple names joined, then {@code suffix}. */
  private static ClassName sibling(ClassName origin, String suffix) {
    return ClassName.get(origin.packageName(), String.join("", origin.simpleNames()) + suffix);
  }
}
