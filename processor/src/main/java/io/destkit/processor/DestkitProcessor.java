package io.destkit.processor;

import com.google.auto.service.AutoService;
import io.destkit.annotations.Check;
import io.destkit.annotations.ConnectorConfig;
import io.destkit.annotations.Destination;
import io.destkit.processor.generate.ConfigReaderWriter;
import io.destkit.processor.generate.GeneratedFiles;
import io.destkit.processor.generate.MainWriter;
import io.destkit.processor.generate.SpecWriter;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.Problem;
import io.destkit.processor.model.Site;
import io.destkit.processor.read.Annotations;
import io.destkit.processor.read.ModelReader;
import io.destkit.processor.read.UnresolvedTypeException;
import io.destkit.processor.validate.ConnectorValidator;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import javax.tools.Diagnostic;

/**
 * The destkit annotation processor. Per {@code @Destination}: read the model, validate it (every problem reported on
 * its element), then generate the spec, the config reader and the main class. A destination whose types are not
 * known yet is put off to the next round.
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

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // Generated is listed so that the stamp on the sources we write is not an unclaimed annotation, which javac's
    // -Xlint:processing would warn about in the author's build.
    return Set.of("io.destkit.annotations.*", "javax.annotation.processing.Generated");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of();
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
    Map<String, TypeElement> destinations = new LinkedHashMap<>();
    for (String name : deferred.keySet()) {
      destinations.put(name, processingEnv.getElementUtils().getTypeElement(name));
    }
    deferred.clear();
    for (Element element : round.getElementsAnnotatedWith(Destination.class)) {
      if (element.getKind() == ElementKind.CLASS) {
        destinations.put(((TypeElement) element).getQualifiedName().toString(), (TypeElement) element);
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
    }
    // Claimed, so that javac's -Xlint:processing has no unclaimed annotation to warn about in the author's build.
    return true;
  }

  private void process(TypeElement element) throws java.io.IOException {
    ModelReader reader = new ModelReader(processingEnv);
    ConnectorModel connector = reader.readConnector(element);
    String name = connector.className().canonicalName();
    if (firstDestination != null && !firstDestination.equals(name)) {
      report(Problem.of(Message.CONNECTOR_DUPLICATE, Site.of(element, connector.annotation()), firstDestination));
      return;
    }
    firstDestination = name;
    String configName = connector.configElement().getQualifiedName().toString();
    String otherUser = configUsers.putIfAbsent(configName, name);
    if (otherUser != null && !otherUser.equals(name)) {
      report(Problem.of(Message.CONFIG_SHARED, Site.of(element, connector.annotation()), configName, otherUser, name));
      return;
    }
    List<Problem> problems = new ConnectorValidator().validate(connector);
    if (!problems.isEmpty()) {
      problems.forEach(this::report);
      return;
    }
    GeneratedFiles files = new GeneratedFiles(processingEnv.getFiler(), processingEnv.getElementUtils());
    String packageName = connector.className().packageName();
    files.writeSource(packageName, new ConfigReaderWriter(connector.config()).write(), connector.config().element(),
        connector.config().root().className().simpleName());
    files.writeSource(packageName, new MainWriter(connector).write(), element, connector.className().simpleName());
    files.writeResource(SpecWriter.RESOURCE, new SpecWriter().write(connector), element);
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
    Messager messager = processingEnv.getMessager();
    if (site.value() != null) {
      messager.printMessage(Diagnostic.Kind.ERROR, problem.text(), site.element(), site.annotation(), site.value());
    } else if (site.annotation() != null) {
      messager.printMessage(Diagnostic.Kind.ERROR, problem.text(), site.element(), site.annotation());
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, problem.text(), site.element());
    }
  }
}
