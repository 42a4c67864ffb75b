package io.destkit.processor.read;

import com.palantir.javapoet.ClassName;
import io.destkit.annotations.BreakingChange;
import io.destkit.annotations.BreakingChanges;
import io.destkit.annotations.Check;
import io.destkit.annotations.ConnectorConfig;
import io.destkit.annotations.Destination;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.annotations.Discover;
import io.destkit.annotations.OnClose;
import io.destkit.annotations.OnCommit;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.OnStreamComplete;
import io.destkit.annotations.OnStreamStart;
import io.destkit.processor.model.Attribute;
import io.destkit.processor.model.BreakingChangeModel;
import io.destkit.processor.model.CheckModel;
import io.destkit.processor.model.ConfigClass;
import io.destkit.processor.model.ConfigModel;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.Construction;
import io.destkit.processor.model.DiscoverModel;
import io.destkit.processor.model.GeneratedNames;
import io.destkit.processor.model.HandlerModel;
import io.destkit.processor.model.Placement;
import io.destkit.processor.model.ReleasedSpec;
import io.destkit.processor.model.Site;
import io.destkit.processor.model.StreamModel;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Stage one: turns annotated elements into the model, the only stage that reads {@code javax.lang.model}. It judges
 * nothing (validators do), but records the facts they need, each annotation attribute with its place. It throws
 * {@link UnresolvedTypeException} when a type is not known yet.
 */
public final class ModelReader {
  /** The annotation class of each handler kind. */
  /** What a {@code @Discover} method returns a list of. */
  private static final String DESTINATION_OPERATION = "io.destkit.runtime.discover.DestinationOperation";
  private static final Map<HandlerModel.Kind, Class<? extends Annotation>> HANDLER_ANNOTATIONS = new EnumMap<>(Map.of(
      HandlerModel.Kind.STREAM_START, OnStreamStart.class,
      HandlerModel.Kind.RECORDS, OnRecords.class,
      HandlerModel.Kind.COMMIT, OnCommit.class,
      HandlerModel.Kind.STREAM_COMPLETE, OnStreamComplete.class,
      HandlerModel.Kind.CLOSE, OnClose.class));

  private final Types types;
  private final Elements elements;
  private final ConfigReader configs;
  private final StreamReader streams;
  private final BuildInputs inputs;

  /** {@code inputs} records every file read, for the build to see a change in any. */
  public ModelReader(ProcessingEnvironment env, BuildInputs inputs) {
    this.types = env.getTypeUtils();
    this.elements = env.getElementUtils();
    this.configs = new ConfigReader(env);
    this.streams = new StreamReader(new SchemaFiles(env.getFiler(), env.getOptions().get(SchemaFiles.OPTION),
        inputs));
    this.inputs = inputs;
  }

  /** The {@code @Stream} declarations of a destination with their schema files. */
  public List<StreamModel> readStreams(TypeElement element) {
    inputs.origin(elements.getBinaryName(element).toString());
    return streams.read(element);
  }

  /** Reads a {@code @Destination} class; {@code releasedSpecOption} is the build's {@code destkit.releasedSpec}. */
  public ConnectorModel readConnector(TypeElement element, String releasedSpecOption) {
    AnnotationMirror mirror = Annotations.mirror(element, Destination.class);
    // javac gives a class literal it cannot resolve (yet) as the string "<error>", not as an error type.
    Object configValue = Annotations.value(mirror, "config").getValue();
    if (!(configValue instanceof TypeMirror configMirror) || configMirror.getKind() == TypeKind.ERROR) {
      String typeName = configValue instanceof TypeMirror ? configValue.toString() : "(unresolved class)";
      throw new UnresolvedTypeException(typeName, "@Destination config of " + element.getSimpleName());
    }
    // int.class or String[].class name no class: no element, and no config.
    TypeElement configElement = configMirror.getKind() == TypeKind.DECLARED
        ? (TypeElement) types.asElement(configMirror) : null;
    ConfigModel config = configElement == null || Annotations.mirror(configElement, ConnectorConfig.class) == null
        ? null : configs.readConfig(configElement);
    List<CheckModel> checks = new ArrayList<>();
    List<HandlerModel> handlers = new ArrayList<>();
    List<DiscoverModel> discovers = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
      if (Annotations.mirror(method, Check.class) != null) {
        checks.add(readCheck(method, configMirror));
      }
      if (Annotations.mirror(method, Discover.class) != null) {
        discovers.add(readDiscover(method, configMirror));
      }
      for (HandlerModel.Kind kind : HandlerModel.Kind.values()) {
        AnnotationMirror handler = Annotations.mirror(method, HANDLER_ANNOTATIONS.get(kind));
        if (handler != null) {
          handlers.add(readHandler(kind, method, handler));
        }
      }
    }
    Attribute<String> name = Annotations.attribute(element, mirror, "name", String.class);
    Attribute<String> repository = Annotations.attribute(element, mirror, "dockerRepository", String.class);
    ClassName className = ClassName.get(element);
    return new ConnectorModel(element, mirror, className, name,
        Annotations.attribute(element, mirror, "title", String.class),
        Annotations.attribute(element, mirror, "documentationUrl", String.class),
        Annotations.attribute(element, mirror, "config", TypeMirror.class).map(TypeMirror::toString),
        configElement, config, connectorConstruction(element, configMirror), List.copyOf(checks),
        List.copyOf(handlers), readStreams(element),
        new Attribute<>(repository.value().isEmpty() ? "destkit/" + name.value() : repository.value(),
            repository.written(), repository.site()),
        Annotations.attribute(element, mirror, "license", String.class), readBreakingChanges(element),
        namesTaken(className, config), releasedSpecOption == null ? null
            : ReleasedSpecFile.read(releasedSpecOption, inputs), List.copyOf(discovers));
  }

  /**
   * Where the annotations that belong on or in a destination are in this round: {@code @Check}, the write handler
   * annotations, {@code @BreakingChange}.
   */
  public List<Placement> readPlacements(RoundEnvironment round) {
    List<Placement> placements = new ArrayList<>();
    for (Element element : round.getElementsAnnotatedWith(Check.class)) {
      Element owner = element.getEnclosingElement();
      placements.add(new Placement(Placement.Kind.CHECK, Site.of(element), "Check", element.getSimpleName() + "()",
          owner.getSimpleName().toString(), isDestination(owner)));
    }
    for (Map.Entry<HandlerModel.Kind, Class<? extends Annotation>> handler : HANDLER_ANNOTATIONS.entrySet()) {
      for (Element element : round.getElementsAnnotatedWith(handler.getValue())) {
        Element owner = element.getEnclosingElement();
        placements.add(new Placement(Placement.Kind.HANDLER, Site.of(element), handler.getKey().annotation(),
            element.getSimpleName() + "()", owner.getSimpleName().toString(), isDestination(owner)));
      }
    }
    for (Element element : round.getElementsAnnotatedWith(Discover.class)) {
      Element owner = element.getEnclosingElement();
      placements.add(new Placement(Placement.Kind.HANDLER, Site.of(element), "Discover", element.getSimpleName() + "()",
          owner.getSimpleName().toString(), isDestination(owner)));
    }
    for (Class<? extends Annotation> annotation : List.of(BreakingChange.class, BreakingChanges.class)) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        placements.add(new Placement(Placement.Kind.BREAKING_CHANGE,
            Site.of(element, Annotations.mirror(element, annotation)), annotation.getSimpleName(),
            element.getSimpleName().toString(), element.getSimpleName().toString(), isDestination(element)));
      }
    }
    return List.copyOf(placements);
  }

  /** The qualified names of this round's {@code @ConnectorConfig} classes. */
  public List<String> readConfigClasses(RoundEnvironment round) {
    List<String> found = new ArrayList<>();
    for (Element element : round.getElementsAnnotatedWith(ConnectorConfig.class)) {
      found.add(((TypeElement) element).getQualifiedName().toString());
    }
    return List.copyOf(found);
  }

  /**
   * A {@code @ConnectorConfig} class by qualified name, at its annotation: read in the round that reports on it, as
   * javac places no message on an annotation mirror of an earlier round.
   */
  public ConfigClass configClass(String qualifiedName) {
    TypeElement element = elements.getTypeElement(qualifiedName);
    return new ConfigClass(qualifiedName, element.getSimpleName().toString(),
        Site.of(element, Annotations.mirror(element, ConnectorConfig.class)));
  }

  /** The class a destination's {@code config} names, by qualified name; null when it names none (yet). */
  public static String configName(TypeElement destination) {
    Object config = Annotations.value(Annotations.mirror(destination, Destination.class), "config").getValue();
    return config instanceof DeclaredType declared
        ? ((TypeElement) declared.asElement()).getQualifiedName().toString() : null;
  }

  private static boolean isDestination(Element element) {
    return Annotations.mirror(element, Destination.class) != null;
  }

  /** Classes of the author's whose names the generated ones would take. */
  private List<ConnectorModel.NameTaken> namesTaken(ClassName connector, ConfigModel config) {
    List<ConnectorModel.NameTaken> taken = new ArrayList<>();
    for (ClassName name : GeneratedNames.connectorClasses(connector,
        config == null ? null : config.root().className())) {
      TypeElement existing = elements.getTypeElement(name.canonicalName());
      if (existing != null) {
        taken.add(new ConnectorModel.NameTaken(name, Site.of(existing)));
      }
    }
    return List.copyOf(taken);
  }

  /** The {@code @BreakingChange} declarations of a destination, repeated or not. */
  private static List<BreakingChangeModel> readBreakingChanges(Element element) {
    List<BreakingChangeModel> changes = new ArrayList<>();
    AnnotationMirror single = Annotations.mirror(element, BreakingChange.class);
    if (single != null) {
      changes.add(breakingChange(single, Site.of(element, single)));
    }
    AnnotationMirror container = Annotations.mirror(element, BreakingChanges.class);
    if (container != null) {
      for (AnnotationValue value : Annotations.list(container, "value")) {
        changes.add(breakingChange((AnnotationMirror) value.getValue(), new Site(element, container, value)));
      }
    }
    return List.copyOf(changes);
  }

  private static BreakingChangeModel breakingChange(AnnotationMirror mirror, Site site) {
    return new BreakingChangeModel(Annotations.attribute(site, mirror, "version", String.class),
        Annotations.attribute(site, mirror, "upgradeDeadline", String.class),
        Annotations.attribute(site, mirror, "message", String.class));
  }

  private HandlerModel readHandler(HandlerModel.Kind kind, ExecutableElement method, AnnotationMirror annotation) {
    List<String> parameters = method.getParameters().stream()
        .map(p -> types.erasure(p.asType()).toString())
        .toList();
    String recordType = null;
    if (method.getParameters().size() == 1 && method.getParameters().get(0).asType() instanceof DeclaredType declared
        && declared.getTypeArguments().size() == 1) {
      TypeMirror argument = declared.getTypeArguments().get(0);
      if (argument.getKind() == TypeKind.ERROR) {
        throw new UnresolvedTypeException(argument.toString(), "@OnRecords method " + method.getSimpleName());
      }
      recordType = argument.getKind() == TypeKind.DECLARED
          ? ((TypeElement) types.asElement(argument)).getQualifiedName().toString() : argument.toString();
    }
    Site site = Site.of(method, annotation);
    Attribute<List<String>> modes = Attribute.absent(List.of(), site);
    Attribute<String> stream = Attribute.absent("", site);
    Attribute<String> namespace = Attribute.absent("", site);
    Attribute<Boolean> files = Attribute.absent(false, site);
    if (kind == HandlerModel.Kind.RECORDS) {
      AnnotationValue written = Annotations.explicitValue(annotation, "modes");
      modes = new Attribute<>(Annotations.list(annotation, "modes").stream()
          .map(v -> DestinationSyncMode.valueOf(((VariableElement) v.getValue()).getSimpleName().toString())
              .protocolValue())
          .toList(), written != null, new Site(method, annotation, written));
      stream = Annotations.attribute(method, annotation, "stream", String.class);
      namespace = Annotations.attribute(method, annotation, "namespace", String.class);
      files = Annotations.attribute(method, annotation, "files", Boolean.class);
    }
    return new HandlerModel(kind, method, annotation, method.getSimpleName().toString(),
        method.getModifiers().contains(Modifier.STATIC), method.getModifiers().contains(Modifier.PRIVATE),
        method.getReturnType().getKind() == TypeKind.VOID, parameters, throwsOnlyExceptions(method), modes, stream,
        namespace, files, recordType);
  }

  private boolean throwsOnlyExceptions(ExecutableElement method) {
    TypeMirror exception = elements.getTypeElement("java.lang.Exception").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    return method.getThrownTypes().stream()
        .allMatch(t -> types.isAssignable(t, exception) || types.isAssignable(t, error));
  }

  /** How the dispatcher creates the connector: with its config when it has such a constructor, else without. */
  private Construction connectorConstruction(TypeElement element, TypeMirror configType) {
    Construction reachable = ConfigReader.reachable(element);
    if (!reachable.possible()) {
      return reachable;
    }
    if (element.getModifiers().contains(Modifier.ABSTRACT) || element.getKind() != ElementKind.CLASS) {
      return Construction.impossible("it is not a concrete class");
    }
    boolean noArguments = false;
    for (ExecutableElement constructor : ElementFilter.constructorsIn(element.getEnclosedElements())) {
      if (constructor.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      List<? extends VariableElement> parameters = constructor.getParameters();
      if (parameters.isEmpty()) {
        noArguments = true;
      } else if (parameters.size() == 1 && types.isSameType(types.erasure(parameters.get(0).asType()),
          types.erasure(configType))) {
        return Construction.of(Construction.Kind.CONFIG_CONSTRUCTOR);
      }
    }
    return noArguments ? Construction.of(Construction.Kind.NO_ARG_CONSTRUCTOR)
        : Construction.impossible(
            "it has no non-private constructor without parameters or with its config as only parameter");
  }

  private DiscoverModel readDiscover(ExecutableElement method, TypeMirror configType) {
    List<? extends VariableElement> parameters = method.getParameters();
    boolean takesConfig = parameters.size() == 1
        && types.isSameType(types.erasure(parameters.get(0).asType()), types.erasure(configType));
    TypeMirror returned = method.getReturnType();
    boolean returnsOperations = returned instanceof DeclaredType declared
        && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.util.List")
        && declared.getTypeArguments().size() == 1
        && types.erasure(declared.getTypeArguments().get(0)).toString().equals(DESTINATION_OPERATION);
    return new DiscoverModel(method, method.getSimpleName().toString(),
        method.getModifiers().contains(Modifier.STATIC), method.getModifiers().contains(Modifier.PRIVATE),
        returnsOperations, takesConfig, parameters.isEmpty() || takesConfig, throwsOnlyExceptions(method));
  }

  private CheckModel readCheck(ExecutableElement method, TypeMirror configType) {
    boolean acceptsConfig = method.getParameters().size() == 1
        && types.isSameType(types.erasure(method.getParameters().get(0).asType()), types.erasure(configType));
    return new CheckModel(method, method.getSimpleName().toString(), method.getModifiers().contains(Modifier.STATIC),
        method.getModifiers().contains(Modifier.PRIVATE), method.getReturnType().getKind() == TypeKind.VOID,
        acceptsConfig, throwsOnlyExceptions(method));
  }
}
