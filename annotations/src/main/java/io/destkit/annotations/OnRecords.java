package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes a batch of records of one stream. Signature: {@code void method(io.destkit.runtime.write.RecordBatch batch)
 * throws Exception}, non-private, in the {@link Destination} class.
 *
 * <p>The runtime buffers records and calls this method with batches bounded by rows and bytes, on a writer thread
 * while it goes on reading; the batch belongs to the method only for the call. A method for a named {@link #stream()}
 * takes that stream's records; one without a stream takes every other stream's. The {@link #modes()} it names are the
 * destination sync modes the connector supports; a catalog stream whose mode no method takes is refused before any
 * record is read.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnRecords {
  /** The destination sync modes this method writes. */
  DestinationSyncMode[] modes() default {DestinationSyncMode.APPEND};

  /** The stream this method writes; empty for any stream no other method names. */
  String stream() default "";

  /** With {@link #stream()}: the stream's namespace; empty matches any namespace. */
  String namespace() default "";

  /**
   * Whether this method handles the streams' files (protocol 0.15): a stream whose catalog entry has
   * {@code include_files} sends, with each record, a staged file to copy, which {@code RecordBatch.file(index)} (or
   * {@code TypedBatch.file(index)}) opens, checked. Such a stream is refused before any record is read unless the
   * method that takes it says {@code files = true}; then the connector's {@code metadata.yaml} declares
   * {@code supportsFileTransfer}. The method must take a {@code RecordBatch} or a {@code TypedBatch}: a
   * {@code List} of records has no place for their files.
   */
  boolean files() default false;
}
