package import TrustLensCore
package import TrustLensImport

/// Rewrites what the importers read before anything else sees it: duplicate detection, the
/// analysis threads (which make ``LineSink`` lines) and every sink get the rewritten records.
/// Pseudonyms are the one transform; they must act this early, or a line made on an analysis
/// thread would carry a real name.
package protocol RecordTransform: AnyObject {
  /// Called before a file's first record (so notices about it can be rewritten too).
  func willRead(_ file: InputFile)
  func transform(_ record: ImportedRecord, from file: InputFile) throws -> ImportedRecord
  func transform(_ skipped: SkippedFile) -> SkippedFile
  func transform(notice: String) -> String
}
