package io.destkit.processor;

import com.google.auto.service.AutoService;
import io.destkit.annotations.Destination;
import io.destkit.processor.generate.Generator;
import io.destkit.processor.model.BuildOptions;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.Problem;
import io.destkit.processor.model.Site;
import io.destkit.processor.model.StreamModel;
import io.destkit.processor.read.BuildInputs;
import io.destkit.processor.read.ModelReader;
import io.destkit.processor.read.SchemaFiles;
import io.destkit.processor.read.UnresolvedTypeException;
import io.destkit.processor.validate.CompatibilityCheck;
import io.destkit.processor.validate.ConnectorValidator;
import io.destkit.processor.validate.PlacementValidator;
import io.destkit.processor.validate.ReleaseValidator;
import io.destkit.processor.validate.StreamValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The destkit annotation processor: a round driver over three stages (read the model, validate it, generate from it).
 * Per {@code @Destination}: its typed streams first (their record classes are written in a round of their own, and
 * the destination put off to the next, where its writer methods can name them), then the connector's files, then the
 * check of its spec against the released one. A destination whose types are not known yet is put off to the next
 * round. What is judged across the compilation is judged at the last round.
 */
@AutoService(Processor.class)
public final class DestkitProcessor extends AbstractProcessor {
  /** Destinations put off to a later round, by qualified name, with the type they wait for. */
  private final Map<String, UnresolvedTypeException> deferred = new LinkedHashMap<>();
  /** The {@code @ConnectorConfig} classes seen, and the qualified names of those some destination uses. */
  private final Set<String> configs = new TreeSet<>();
  private final Set<String> configsUsed = new TreeSet<>();
  /** Destinations whose typed streams were written (or failed to be), by qualified name. */
  private final Set<String> streamsDone = new TreeSet<>();
  private final PlacementValidator placements = new PlacementValidator();
  private String firstDestination;
  private BuildOptions options;
  private BuildInputs inputs;
  private ModelReader reader;
  private Generator generator;

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    options = BuildOptions.of(environment.getOptions());
    inputs = new BuildInputs(environment.getOptions());
    reader = new ModelReader(environment, inputs);
    generator = new Generator(environment.getFiler(), environment.getElementUtils());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // Generated and the Jackson annotations of the record classes jsonschema2pojo writes are listed so that the
    // sources we generate hold no unclaimed annotation, which javac's -Xlint:processing would warn about.
    return Set.of("io.destkit.annotations.*", "javax.annotation.processing.Generated",
        "com.fasterxml.jackson.annotation.JsonAnyGetter", "com.fasterxml.jackson.annotation.JsonAnySetter",
        "com.fasterxml.jackson.annotation.JsonIgnore", "com.fasterxml.jackson.annotation.JsonInclude",
        "com.fasterxml.jackson.annotation.JsonProperty", "com.fasterxml.jackson.annotation.JsonPropertyDescription",
        "com.fasterxml.jackson.annotation.JsonPropertyOrder");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public Set<String> getSupportedOptions() {
    Set<String> supported = new TreeSet<>(BuildOptions.NAMES);
    supported.add(SchemaFiles.OPTION);
    return supported;
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    configs.addAll(reader.readConfigClasses(round));
    report(placements.validate(reader.readPlacements(round)));
    Map<String, TypeElement> destinations = new LinkedHashMap<>();
    for (String name : deferred.keySet()) {
      destinations.put(name, processingEnv.getElementUtils().getTypeElement(name));
    }
    deferred.clear();
    for (Element element : round.getElementsAnnotatedWith(Destination.class)) {
      // Every kind of type, so that an interface, enum or record gets told it cannot be a destination.
      if (element instanceof TypeElement type) {
        destinations.put(type.getQualifiedName().toString(), type);
      }
    }
    destinations.forEach(this::processSafely);
    if (round.processingOver()) {
      finish();
    }
    // Claimed, so that javac's -Xlint:processing has no unclaimed annotation to warn about in the author's build.
    return true;
  }

  private void processSafely(String name, TypeElement element) {
    try {
      process(name, element);
    } catch (UnresolvedTypeException e) {
      deferred.put(name, e);
    } catch (IOException | RuntimeException | Error e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format(trace), element);
    }
  }

  private void process(String name, TypeElement element) throws IOException {
    if (streamsDone.add(name)) {
      List<StreamModel> streams = reader.readStreams(element);
      if (!streams.isEmpty()) {
        List<Problem> problems = new StreamValidator().validate(streams);
        if (!problems.isEmpty()) {
          report(problems);
          // The destination stops here; its config is in use all the same.
          useConfig(ModelReader.configName(element));
          return;
        }
        generator.writeStreams(element, streams);
        deferred.put(name, new UnresolvedTypeException("the record classes of its streams", name));
        return;
      }
    }
    ConnectorModel connector = reader.readConnector(element, options.releasedSpec());
    // Recorded before any return, so that the config of a rejected destination is not reported as unused too.
    useConfig(connector.configElement() == null ? null : connector.configElement().getQualifiedName().toString());
    if (firstDestination != null && !firstDestination.equals(name)) {
      report(List.of(placements.duplicate(connector, firstDestination)));
      return;
    }
    firstDestination = name;
    List<Problem> problems = new ConnectorValidator().validate(connector);
    problems.addAll(new ReleaseValidator(options).validate(connector));
    problems.addAll(placements.namesTaken(connector));
    if (!problems.isEmpty()) {
      report(problems);
      return;
    }
    generator.writeConnector(connector, options);
    // After the files, so that the author can compare the new spec.json with the released one.
    CompatibilityCheck.Result compatibility = CompatibilityCheck.run(connector, generator.spec(connector), options);
    if (compatibility.note() != null) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, compatibility.note(), element);
    }
    report(compatibility.problems());
  }

  private void useConfig(String qualifiedName) {
    if (qualifiedName != null) {
      configsUsed.add(qualifiedName);
    }
  }

  /** At the last round: what never resolved, configs no destination uses, and the record of the inputs read. */
  private void finish() {
    for (Map.Entry<String, UnresolvedTypeException> entry : deferred.entrySet()) {
      UnresolvedTypeException e = entry.getValue();
      TypeElement destination = processingEnv.getElementUtils().getTypeElement(entry.getKey());
      report(List.of(placements.unresolved(Site.of(destination), destination.getSimpleName().toString(),
          e.typeName(), e.where())));
    }
    if (deferred.isEmpty()) {
      report(placements.unusedConfigs(configs.stream().map(reader::configClass).toList(), configsUsed));
    }
    try {
      inputs.write(processingEnv.getFiler());
    } catch (IOException | RuntimeException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING, "destkit could not record its inputs for the "
          + "next build (" + e + "); a change to a schema file or the released spec may need `mvn clean` to be seen.");
    }
  }

  private void report(List<Problem> problems) {
    Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
    problems.forEach(diagnostics::report);
  }
}
