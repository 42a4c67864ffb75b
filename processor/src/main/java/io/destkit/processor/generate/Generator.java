package io.destkit.processor.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import io.destkit.processor.model.BuildOptions;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.StreamModel;
import java.io.IOException;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Stage three: writes everything of a valid model, through {@link GeneratedFiles}. A destination's typed streams come
 * first, in a round of their own (its writer methods name their record classes); then the connector's files.
 */
public final class Generator {
  private final GeneratedFiles files;

  public Generator(Filer filer, Elements elements) {
    this.files = new GeneratedFiles(filer, elements);
  }

  /** For each stream: its record classes (jsonschema2pojo) and its codec. */
  public void writeStreams(TypeElement destination, List<StreamModel> streams) throws IOException {
    String packageName = ClassName.get(destination).packageName();
    for (StreamModel stream : streams) {
      StreamModel.Parsed schema = (StreamModel.Parsed) stream.schema();
      String from = stream.schemaPath().value();
      files.writeRecordClasses(RecordClassWriter.write(schema.shape()), destination, from);
      files.writeSource(packageName, new CodecWriter(schema.shape().root(), schema.json().toString(),
          schema.required()).write(), destination, from);
    }
  }

  /**
   * The config reader, main class, dispatcher, spec, Dockerfile, {@code metadata.yaml} and reference of a connector.
   */
  public void writeConnector(ConnectorModel connector, BuildOptions options) throws IOException {
    TypeElement element = connector.element();
    String packageName = connector.className().packageName();
    files.writeSource(packageName, new ConfigReaderWriter(connector.config()).write(), connector.config().element(),
        connector.config().root().className().simpleName());
    files.writeSource(packageName, new MainWriter(connector).write(), element, connector.className().simpleName());
    files.writeSource(packageName, new DispatcherWriter(connector).write(), element,
        connector.className().simpleName());
    files.writeResource(SpecWriter.RESOURCE, new SpecWriter().write(connector), element);
    files.writeResource(DockerfileWriter.RESOURCE, new DockerfileWriter(connector, options).write(), element);
    files.writeResource(MetadataWriter.RESOURCE, new MetadataWriter(connector, options).write(), element);
    files.writeResource(ReferenceWriter.RESOURCE, new ReferenceWriter(connector).write(), element);
    if (connector.dataActivation()) {
      files.writeResource(DestinationCatalogWriter.RESOURCE, new DestinationCatalogWriter().write(connector), element);
    }
  }

  /** The connector's ConnectorSpecification, as {@link #writeConnector} writes it. */
  public JsonNode spec(ConnectorModel connector) {
    return new SpecWriter().spec(connector);
  }
}
