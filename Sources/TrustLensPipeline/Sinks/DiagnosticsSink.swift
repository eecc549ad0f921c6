import TrustLensCore

/// What standard error hears of the stream: every skipped file and notice, every reject (or
/// none: a run points to its rejects file instead), and the first ``duplicatesShown``
/// duplicates (all are counted). Skipped files are kept for the run summary.
final class DiagnosticsSink: RecordSink {
  /// Duplicates are named on standard error up to this many; all are counted.
  static let duplicatesShown = 20

  private let write: (String) -> Void
  private let showsRejects: Bool
  private var duplicates = 0
  private(set) var skippedFiles: [SkippedFile] = []

  init(showsRejects: Bool, write: @escaping (String) -> Void) {
    self.showsRejects = showsRejects
    self.write = write
  }

  func rejected(_ reject: Reject) throws {
    if showsRejects { write("\(reject.source): \(reject.reason)") }
  }

  func duplicate(_ duplicate: Reject) throws {
    duplicates += 1
    if duplicates <= DiagnosticsSink.duplicatesShown { write("\(duplicate.source): skipped: \(duplicate.reason)") }
    if duplicates == DiagnosticsSink.duplicatesShown + 1 { write("more duplicates skipped: all are counted in the summary") }
  }

  func skipped(_ file: SkippedFile) {
    skippedFiles.append(file)
    write("\(file.path): \(file.reason)")
  }

  func notice(_ message: String) { write(message) }
}
