package io.destkit.processor.model;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * One permitted implementation of a {@code @OneOf} interface. {@code annotation} is null when it lacks {@code @Choice};
 * {@code value} is then null too.
 */
public record ChoiceModel(TypeElement element, ClassName className, AnnotationMirror annotation, String value,
    String title, String description, ConfigType.ObjectType object) {}
