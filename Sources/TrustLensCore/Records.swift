/// Where a record came from: a file (as the user named it) and the 1-based line where the
/// record starts.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  public let file: String
  public let line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  /// `file:line`, the compiler-style prefix of every input diagnostic.
  public var description: String { "\(file):\(line)" }
}

/// One journal entry: free text written on a date.
public struct Entry: Sendable, Hashable {
  public var id: String
  public var subject: String
  public var date: RecordDate
  public var source: SourceLocation
  public var text: String
  public var author: String?
  /// Tags the writer or the app attached (not TrustLens's own tags).
  public var userTags: [String]

  public init(
    id: String, subject: String, date: RecordDate, source: SourceLocation, text: String,
    author: String? = nil, userTags: [String] = []
  ) {
    self.id = id
    self.subject = subject
    self.date = date
    self.source = source
    self.text = text
    self.author = author
    self.userTags = userTags
  }
}

/// One structured check-in. A check-in with `held == false` was skipped: that is evidence of
/// avoidance, not missing data, and it carries no ratings.
public struct CheckIn: Sendable, Hashable, Codable {
  public var id: String
  public var subject: String
  public var date: RecordDate
  public var source: SourceLocation
  public var held: Bool
  /// Ratings by name (`trust`, `communication`, `safety`, `self_care`, `mood`, and any extra
  /// numeric column), on the scale of the input.
  public var ratings: [String: Double]
  public var commitmentsMade: Double?
  public var commitmentsKept: Double?
  public var note: String?

  public init(
    id: String, subject: String, date: RecordDate, source: SourceLocation, held: Bool,
    ratings: [String: Double] = [:], commitmentsMade: Double? = nil,
    commitmentsKept: Double? = nil, note: String? = nil
  ) {
    self.id = id
    self.subject = subject
    self.date = date
    self.source = source
    self.held = held
    self.ratings = ratings
    self.commitmentsMade = commitmentsMade
    self.commitmentsKept = commitmentsKept
    self.note = note
  }
}

/// A record that could not be used, with where it starts and a plain reason. Reasons never
/// quote journal text.
public struct Reject: Sendable, Hashable {
  public var source: SourceLocation
  public var reason: String
  /// The subject the record belongs to, when it is known without reading the record (the
  /// file's client folder or a fixed id) or from the record itself; `nil` otherwise.
  public var subject: String?

  public init(source: SourceLocation, reason: String, subject: String? = nil) {
    self.source = source
    self.reason = reason
    self.subject = subject
  }
}

/// What an importer yields for each record it finds: exactly one of these.
public enum ImportedRecord: Sendable {
  case entry(Entry)
  case checkIn(CheckIn)
  case reject(Reject)
  /// A text already analysed elsewhere (an `analyze --format jsonl` line, e.g. from the
  /// shards of a cluster job): used as it is, not analysed again.
  case analyzed(AnalyzedRecord)
}

/// A record that belongs to a subject: what pseudonymisation rewrites, whatever its kind.
public protocol SubjectRecord {
  var id: String { get set }
  var subject: String { get set }
  var source: SourceLocation { get set }
}

extension CheckIn: SubjectRecord {}
extension AnalyzedRecord: SubjectRecord {}
