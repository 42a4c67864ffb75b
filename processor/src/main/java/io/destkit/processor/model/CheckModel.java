package io.destkit.processor.model;

import javax.lang.model.element.ExecutableElement;

/**
 * A {@code @Check} method with the facts its validation needs.
 *
 * @param acceptsConfig whether it takes exactly one parameter, of the config type
 * @param throwsOnlyExceptions whether its throws clause names Exception subtypes only (no bare Throwable)
 */
public record CheckModel(ExecutableElement element, String name, boolean isStatic, boolean isPrivate,
    boolean returnsVoid, boolean acceptsConfig, boolean throwsOnlyExceptions) {}
