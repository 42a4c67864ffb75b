package io.destkit.processor.model;

/** A {@code @ConnectorConfig} class, at its annotation. */
public record ConfigClass(String qualifiedName, String simpleName, Site site) {}
