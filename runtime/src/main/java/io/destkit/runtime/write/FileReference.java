package io.destkit.runtime.write;

/**
 * The file a record describes, as the platform staged it for the destination (a record's {@code file_reference},
 * protocol 0.15, sent for a stream whose catalog entry has {@code include_files}). The record itself holds the file's
 * metadata; the file's bytes wait at {@code stagingFileUrl}. Open it with
 * {@link io.destkit.runtime.files.StagedFile#open}, or {@link RecordBatch#file(int)}, which check it first.
 *
 * @param stagingFileUrl where the platform staged the file: an absolute local path, or a {@code file:} URL
 * @param sourceFileRelativePath the file's path in the source, relative: where it goes under the destination's folder
 * @param fileSizeBytes the file's size as the source declared it
 */
public record FileReference(String stagingFileUrl, String sourceFileRelativePath, long fileSizeBytes) {}
