package io.destkit.processor;

import io.destkit.processor.model.Problem;
import io.destkit.processor.model.Site;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/** Shows a problem as a compile error on its site: the element, its annotation, the annotation value. */
final class Diagnostics {
  private final Messager messager;

  Diagnostics(Messager messager) {
    this.messager = messager;
  }

  void report(Problem problem) {
    Site site = problem.site();
    Element element = locatable(site.element());
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
