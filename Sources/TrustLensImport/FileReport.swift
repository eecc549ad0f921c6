public import TrustLensCore

/// How one file was read: what the readers detected or were told, and what came of it. The
/// `inspect` command shows it; a run sums its language counts.
public struct FileReport: Sendable, Equatable {
  /// Where a setting came from.
  public enum Origin: String, Sendable, Equatable {
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
  public struct Column: Sendable, Equatable {
    /// The name as the file writes it.
    public var name: String
    /// The field it is read as (`text`, `date`, `trust`, …), `metric` for an extra numeric
    /// column, or `nil` when it is not read (shown as ignored).
    public var field: String?

    public init(name: String, field: String?) {
      self.name = name
      self.field = field
    }
  }

  public var path: String
  /// The format the file was read as (`nil` when it was skipped).
  public var format: InputFormat?
  public var formatOrigin: Origin = .assumed
  public var encoding: TextEncoding = .utf8
  public var encodingOrigin: Origin = .assumed
  /// The column separator of delimited files.
  public var delimiter: Delimiter?
  public var delimiterOrigin: Origin = .assumed
  /// The header's columns and what each became (delimited files).
  public var columns: [Column] = []
  /// The kind the header decided for the whole file (delimited files under `kind: auto`).
  public var kind: RecordKind?
  /// Why the file gave no records, when it was skipped after opening (binary content, …).
  public var skipped: SkippedFile?
  public var entries = 0
  public var checkIns = 0
  public var rejected = 0
  /// Records already analysed elsewhere (analysed JSON Lines).
  public var analyzed = 0
  /// Texts (entries and check-in notes) looked at by the language check, and those that do
  /// not look English.
  public var textsChecked = 0
  public var nonEnglishTexts = 0

  public init(path: String) {
    self.path = path
  }

  /// Every record the file gave.
  public var records: Int { entries + checkIns + rejected + analyzed }
}
