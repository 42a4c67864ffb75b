/**
 * The types of a stream's columns and how record values are read into Java values.
 * {@link io.destkit.runtime.types.JsonSchemas} reads a catalog's {@code json_schema} into an
 * {@link io.destkit.runtime.types.AirbyteType}; {@link io.destkit.runtime.types.ValueDecoders} gives, per type, the
 * {@link io.destkit.runtime.types.ValueDecoder} that turns a JSON value into the Java value a destination writes, and
 * reports a value that does not fit as a {@link io.destkit.runtime.types.MetaChange} instead of failing the sync.
 * {@link io.destkit.runtime.types.ProtobufValues} reads the values of speed mode's protobuf records to the same Java
 * values, with the same changes.
 */
package io.destkit.runtime.types;
