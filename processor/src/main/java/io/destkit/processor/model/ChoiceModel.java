package io.destkit.processor.model;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * One permitted implementation of a {@code @OneOf} interface. {@code annotation} is null when it lacks {@code @Choice};
 * the value of {@code value} is then null too.
 *
 * @param title the title, the value when none is written
 */
public record ChoiceModel(TypeElement element, ClassName className, AnnotationMirror annotation,
    Attribute<String> value, String title, Attribute<String> description, ConfigType.ObjectType object) {}
