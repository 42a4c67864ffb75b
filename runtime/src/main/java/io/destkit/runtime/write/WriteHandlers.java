package io.destkit.runtime.write;

/**
 * What the write engine calls: implemented by the generated dispatcher, which routes each call to the author's
 * annotated methods. Calls come from one thread at a time, in this order: {@link #streamStart} for every stream, then
 * {@link #records} and {@link #commit} as data flows, with {@link #streamComplete} after a stream's last commit, and
 * {@link #close} once at the end, also after a failure.
 */
public interface WriteHandlers {
  /** Whether a records method takes this stream in its destination sync mode. */
  boolean accepts(StreamContext stream);

  /**
   * Whether the records method that takes this stream handles its files ({@code @OnRecords(files = true)}): only then
   * may the catalog ask for them ({@code include_files}); the engine refuses such a stream otherwise.
   */
  default boolean acceptsFiles(StreamContext stream) {
    return false;
  }

  /** The codec of the record class the stream's records method takes, or null when it takes a RecordBatch. */
  default RecordCodec<?> codec(StreamContext stream) {
    return null;
  }

  void streamStart(StreamContext stream) throws Exception;

  void records(RecordBatch batch) throws Exception;

  /** Makes everything written since the last commit durable. */
  void commit() throws Exception;

  void streamComplete(StreamContext stream) throws Exception;

  void close() throws Exception;
}
