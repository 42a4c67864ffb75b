/**
 * What a connector author writes against: the batches and records handed to {@code @OnRecords} methods
 * ({@link io.destkit.runtime.write.RecordBatch}, {@link io.destkit.runtime.write.TypedBatch},
 * {@link io.destkit.runtime.write.Record}), the stream being written ({@link io.destkit.runtime.write.StreamContext}),
 * and the interfaces generated code implements ({@link io.destkit.runtime.write.WriteHandlers},
 * {@link io.destkit.runtime.write.RecordCodec}, {@link io.destkit.runtime.write.PositionalDecoder}). The engine that
 * drives them is {@link io.destkit.runtime.engine}.
 */
package io.destkit.runtime.write;
