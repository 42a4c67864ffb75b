/**
 * Files for destinations that write them: {@link io.destkit.runtime.files.RotatingJsonLinesWriter} writes a stream as
 * JSON Lines files, rotated by size and made visible atomically at each commit;
 * {@link io.destkit.runtime.files.StagedFile} checks a file the platform staged for a record and copies it into a
 * folder, atomically, under its relative path.
 */
package io.destkit.runtime.files;
