package io.destkit.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import io.destkit.annotations.BreakingChange;
import io.destkit.annotations.BreakingChanges;
import io.destkit.annotations.Check;
import io.destkit.annotations.ConnectorConfig;
import io.destkit.annotations.Destination;
import io.destkit.processor.generate.ConfigReaderWriter;
import io.destkit.processor.generate.DispatcherWriter;
import io.destkit.processor.generate.DockerfileWriter;
import io.destkit.processor.generate.GeneratedFiles;
import io.destkit.processor.generate.MainWriter;
import io.destkit.processor.generate.MetadataWriter;
import io.destkit.processor.generate.ReferenceWriter;
import io.destkit.processor.generate.SpecWriter;
import io.destkit.processor.model.BuildOptions;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.HandlerModel;
import io.destkit.processor.model.Problem;
import io.destkit.processor.model.Site;
import io.destkit.processor.model.StreamModel;
import io.destkit.processor.read.Annotations;
import io.destkit.processor.read.BuildInputs;
import io.destkit.processor.read.ModelReader;
import io.destkit.processor.read.UnresolvedTypeException;
import io.destkit.processor.typed.SchemaFiles;
import io.destkit.processor.typed.TypedShape;
import io.destkit.processor.typed.TypedStreamsGenerator;
import io.destkit.processor.validate.CompatibilityCheck;
import io.destkit.processor.validate.ConnectorValidator;
import io.destkit.processor.validate.ReleaseValidator;
import java.io.PrintWriter;
import java.lang.annotation.Annotation;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * The destkit annotation processor. Per {@code @Destination}: read the model, validate it (every problem reported on
 * its element), then generate the spec, the config reader, the main class and dispatcher, the image's Dockerfile,
 * {@code metadata.yaml} and the Markdown reference, and compare the spec with the released one when the build names
 * it. A destination whose types are not known yet is put off to the next round.
 */
@AutoService(Processor.class)
public final class DestkitProcessor extends AbstractProcessor {
  /** Destinations put off to a later round, by qualified name, with the type they wait for. */
  private final Map<String, UnresolvedTypeException> deferred = new LinkedHashMap<>();
  /** Config classes seen, by qualified name. */
  private final Set<String> configs = new TreeSet<>();
  /** Which destination uses which config, by qualified names. */
  private final Map<String, String> configUsers = new LinkedHashMap<>();
  private String firstDestination;
  /** Destinations whose typed streams were generated (or failed to), by qualified name. */
  private final Set<String> streamsGenerated = new TreeSet<>();
  /** The record class shapes of each destination's typed streams, by qualified name, then stream name. */
  private final Map<String, Map<String, TypedShape.TypedObject>> streamShapes = new HashMap<>();
  /** What this compilation read besides its sources, for the build to see changes in (written at the last round). */
  private BuildInputs inputs;

  @Override
  public synchronized void init(javax.annotation.processing.ProcessingEnvironment environment) {
    super.init(environment);
    inputs = new BuildInputs(environment.getOptions());
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
    Set<String> options = new TreeSet<>(BuildOptions.NAMES);
    options.add(SchemaFiles.OPTION);
    return options;
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Messager messager = processingEnv.getMessager();
    for (Element element : round.getElementsAnnotatedWith(ConnectorConfig.class)) {
      configs.add(((TypeElement) element).getQualifiedName().toString());
    }
    for (Element element : round.getElementsAnnotatedWith(Check.class)) {
      Element owner = element.getEnclosingElement();
      if (Annotations.mirror(owner, Destination.class) == null) {
        report(new Problem(Message.CHECK_OUTSIDE, Site.of(element),
            List.of(element.getSimpleName() + "()", owner.getSimpleName())));
      }
    }
    for (Map.Entry<HandlerModel.Kind, Class<? extends Annotation>> handler : ModelReader.HANDLER_ANNOTATIONS.entrySet()) {
      for (Element element : round.getElementsAnnotatedWith(handler.getValue())) {
        Element owner = element.getEnclosingElement();
        if (Annotations.mirror(owner, Destination.class) == null) {
          report(Problem.of(Message.HANDLER_OUTSIDE, Site.of(element),
              handler.getKey().annotation(), element.getSimpleName() + "()", owner.getSimpleName()));
        }
      }
    }
    for (Class<? extends Annotation> annotation : List.of(BreakingChange.class, BreakingChanges.class)) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (Annotations.mirror(element, Destination.class) == null) {
          report(Problem.of(Message.BREAKING_CHANGE_OUTSIDE,
              Site.of(element, Annotations.mirror(element, annotation)), element.getSimpleName()));
        }
      }
    }
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
    for (Map.Entry<String, TypeElement> entry : destinations.entrySet()) {
      try {
        process(entry.getValue());
      } catch (UnresolvedTypeException e) {
        deferred.put(entry.getKey(), e);
      } catch (java.io.IOException | RuntimeException | Error e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        messager.printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format(trace), entry.getValue());
      }
    }
    if (round.processingOver()) {
      finish();
      try {
        inputs.write(processingEnv.getFiler());
      } catch (java.io.IOException | RuntimeException e) {
        messager.printMessage(Diagnostic.Kind.WARNING, "destkit could not record its inputs for the next build ("
            + e + "); a change to a schema file or the released spec may need `mvn clean` to be seen.");
      }
    }
    // Claimed, so that javac's -Xlint:processing has no unclaimed annotation to warn about in the author's build.
    return true;
  }

  private void process(TypeElement element) throws java.io.IOException {
    if (generateStreams(element)) {
      return;
    }
    ModelReader reader = new ModelReader(processingEnv);
    ConnectorModel connector = reader.readConnector(element);
    String name = connector.className().canonicalName();
    String configName = connector.configElement() == null ? null
        : connector.configElement().getQualifiedName().toString();
    // Recorded before any return, so that the config of a rejected destination is not reported as unused too.
    if (configName != null) {
      configUsers.putIfAbsent(configName, name);
    }
    if (firstDestination != null && !firstDestination.equals(name)) {
      report(Problem.of(Message.CONNECTOR_DUPLICATE, Site.of(element, connector.annotation()), firstDestination));
      return;
    }
    firstDestination = name;
    BuildOptions options = BuildOptions.of(processingEnv.getOptions());
    inputs.origin(processingEnv.getElementUtils().getBinaryName(element).toString());
    if (options.releasedSpec() != null) {
      try {
        inputs.read(java.nio.file.Path.of(options.releasedSpec()));
      } catch (java.nio.file.InvalidPathException e) {
        // Not a path: the release validator reports it.
      }
    }
    List<Problem> problems = new ConnectorValidator().validate(connector);
    problems.addAll(new ReleaseValidator(options).validate(connector));
    problems.addAll(generatedNamesTaken(connector));
    if (!problems.isEmpty()) {
      problems.forEach(this::report);
      return;
    }
    GeneratedFiles files = new GeneratedFiles(processingEnv.getFiler(), processingEnv.getElementUtils());
    String packageName = connector.className().packageName();
    files.writeSource(packageName, new ConfigReaderWriter(connector.config()).write(), connector.config().element(),
        connector.config().root().className().simpleName());
    files.writeSource(packageName, new MainWriter(connector).write(), element, connector.className().simpleName());
    files.writeSource(packageName, new DispatcherWriter(connector).write(), element,
        connector.className().simpleName());
    files.writeResource(SpecWriter.RESOURCE, new SpecWriter().write(connector), element);
    files.writeResource(DockerfileWriter.RESOURCE, new DockerfileWriter(connector, options).write(), element);
    files.writeResource(MetadataWriter.RESOURCE, new MetadataWriter(connector, options).write(), element);
    files.writeResource(ReferenceWriter.RESOURCE,
        new ReferenceWriter(connector, streamShapes.getOrDefault(name, Map.of())).write(), element);
    // After the files, so that the author can compare the new spec.json with the released one.
    CompatibilityCheck.Result compatibility =
        CompatibilityCheck.run(connector, new SpecWriter().spec(connector), options);
    if (compatibility.note() != null) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, compatibility.note(), element);
    }
    compatibility.problems().forEach(this::report);
  }

  /**
   * The first time a destination with {@code @Stream}s is seen: generates their record classes and codecs, and puts
   * the destination off to the next round, where its writer methods can name those classes. Returns whether the
   * destination is done with for this round (put off, or stopped by a problem of its streams).
   */
  private boolean generateStreams(TypeElement element) throws java.io.IOException {
    String name = element.getQualifiedName().toString();
    List<StreamModel> streams = ModelReader.readStreams(element);
    if (streams.isEmpty() || !streamsGenerated.add(name)) {
      return false;
    }
    GeneratedFiles files = new GeneratedFiles(processingEnv.getFiler(), processingEnv.getElementUtils());
    inputs.origin(processingEnv.getElementUtils().getBinaryName(element).toString());
    SchemaFiles schemas = new SchemaFiles(processingEnv.getFiler(), processingEnv.getOptions().get(SchemaFiles.OPTION),
        inputs);
    TypedStreamsGenerator generator = new TypedStreamsGenerator(schemas, files, processingEnv.getFiler());
    List<Problem> problems = generator.generate(element, streams);
    streamShapes.put(name, generator.shapes());
    if (!problems.isEmpty()) {
      problems.forEach(this::report);
      // The destination stops here; its config is in use all the same.
      Object config = Annotations.value(Annotations.mirror(element, Destination.class), "config").getValue();
      if (config instanceof javax.lang.model.type.DeclaredType declared) {
        configUsers.putIfAbsent(((TypeElement) declared.asElement()).getQualifiedName().toString(), name);
      }
      return true;
    }
    deferred.put(name, new UnresolvedTypeException("the record classes of its streams", name));
    return true;
  }

  /** Classes of the author's whose names the generated ones would take. */
  private List<Problem> generatedNamesTaken(ConnectorModel connector) {
    List<ClassName> generated = new ArrayList<>(List.of(MainWriter.mainName(connector),
        DispatcherWriter.dispatcherName(connector)));
    if (connector.config() != null) {
      generated.add(ConfigReaderWriter.readerName(connector.config()));
    }
    List<Problem> problems = new ArrayList<>();
    for (ClassName name : generated) {
      TypeElement existing = processingEnv.getElementUtils().getTypeElement(name.canonicalName());
      if (existing != null) {
        problems.add(Problem.of(Message.GENERATED_NAME_TAKEN, Site.of(existing), name.simpleName(),
            connector.className().simpleName()));
      }
    }
    return problems;
  }

  /** At the last round: what never resolved, and configs no destination uses. */
  private void finish() {
    for (Map.Entry<String, UnresolvedTypeException> entry : deferred.entrySet()) {
      TypeElement element = processingEnv.getElementUtils().getTypeElement(entry.getKey());
      UnresolvedTypeException e = entry.getValue();
      report(Problem.of(Message.TYPE_UNRESOLVED, Site.of(element), e.typeName(), e.where(), element.getSimpleName()));
    }
    for (String config : configs) {
      if (!configUsers.containsKey(config) && deferred.isEmpty()) {
        TypeElement element = processingEnv.getElementUtils().getTypeElement(config);
        report(Problem.of(Message.CONFIG_NO_CONNECTOR,
            Site.of(element, Annotations.mirror(element, ConnectorConfig.class)), element.getSimpleName()));
      }
    }
  }

  private void report(Problem problem) {
    Site site = problem.site();
    Element element = locatable(site.element());
    Messager messager = processingEnv.getMessager();
    if (site.value() != null) {
      messager.printMessage(Diagnostic.Kind.ERROR, problem.text(), element, site.annotation(), site.value());
    } else if (site.annotation() != null) {
      messager.printMessage(Diagnostic.Kind.ERROR, problem.text(), element, site.annotation());
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, problem.text(), element);
    }
  }

  /**
   * javac 17 finds no source position for a record component, so a message on one would have no file and line. The
   * component's field is declared by the same text in the record header and shares its annotations: report there.
   */
  private static Element locatable(Element element) {
    if (element.getKind() == ElementKind.RECORD_COMPONENT) {
      for (VariableElement field : ElementFilter.fieldsIn(element.getEnclosingElement().getEnclosedElements())) {
        if (field.getSimpleName().contentEquals(element.getSimpleName())) {
          return field;
        }
      }
    }
    return element;
  }
}
