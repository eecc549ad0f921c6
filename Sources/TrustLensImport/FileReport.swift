package import TrustLensCore

/// How one file was read: what the readers detected or were told, and what came of it. The
/// `inspect` command shows it; a run sums its language counts.
package struct FileReport: Sendable, Equatable {
  /// Where a setting came from.
  package enum Origin: String, Sendable, Equatable {
    /// Named by the pipeline or the command line.
    case given
    /// Told by the file itself (an extension, a byte-order mark, a header).
    case file
    /// Guessed from the content (a notice says so).
    case guessed
    /// Nothing said otherwise.
    case assumed
  }

  /// What one header column (or a daily note's front matter) became.
  package struct Column: Sendable, Equatable {
    /// The name as the file writes it.
    package var name: String
    /// The field it is read as (`text`, `date`, `trust`, …), `metric` for an extra numeric
    /// column, or `nil` when it is not read (shown as ignored).
    package var field: String?

    package init(name: String, field: String?) {
      self.name = name
      self.field = field
    }
  }

  package var path: String
  /// The format the file was read as (`nil` when it was skipped).
  package var format: InputFormat?
  package var formatOrigin: Origin = .assumed
  package var encoding: TextEncoding = .utf8
  package var encodingOrigin: Origin = .assumed
  /// The column separator of delimited files.
  package var delimiter: Delimiter?
  package var delimiterOrigin: Origin = .assumed
  /// The header's columns and what each became (delimited files).
  package var columns: [Column] = []
  /// The kind the header decided for the whole file (delimited files under `kind: auto`).
  package var kind: RecordKind?
  /// Why the file gave no records, when it was skipped after opening (binary content, …).
  package var skipped: SkippedFile?
  package var entries = 0
  package var checkIns = 0
  package var rejected = 0
  /// Records already analysed elsewhere (analysed JSON Lines).
  package var analyzed = 0
  /// Texts (entries and check-in notes) looked at by the language check, and those that do
  /// not look English.
  package var textsChecked = 0
  package var nonEnglishTexts = 0

  package init(path: String) {
    self.path = path
  }

  /// Every record the file gave.
  package var records: Int { entries + checkIns + rejected + analyzed }
}
