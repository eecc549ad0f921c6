public import TrustLensCore
public import TrustLensTrends

/// What the report says of one subject.
public struct SubjectReport: Sendable {
  public var assessment: Assessment
  /// Weekly and monthly rollups up to the as-of day, in memory or on disk.
  public var rollups: Rollups
  /// Weekly rollup (keyed by Monday) up to the as-of day, for charts and sparklines.
  public var weekly: [(start: LocalDay, bucket: DayBucket)] {
    get throws(AtomicFile.WriteError) { try rollups.weekly }
  }
  /// Monthly rollup (keyed by the 1st) up to the as-of day.
  public var monthly: [(start: LocalDay, bucket: DayBucket)] {
    get throws(AtomicFile.WriteError) { try rollups.monthly }
  }
  /// What changed in the last week with data against the week before, as sentences.
  public var changes: [String]
  /// Status in the previous run, when run state is kept.
  public var previousStatus: String?
  /// Signals not present in the previous run; `nil` when there is no previous run.
  public var newSignals: [String]?
  /// The name shown for the subject (its id, or its pseudonym).
  public var displayName: String
  /// The monthly trend sheet's view, when a month was asked for.
  public var month: MonthView?

  public init(
    assessment: Assessment, weekly: [(start: LocalDay, bucket: DayBucket)],
    monthly: [(start: LocalDay, bucket: DayBucket)] = [], changes: [String] = [],
    previousStatus: String? = nil, newSignals: [String]? = nil, displayName: String? = nil
  ) {
    self.init(
      assessment: assessment, rollups: Rollups(weekly: weekly, monthly: monthly), changes: changes,
      previousStatus: previousStatus, newSignals: newSignals, displayName: displayName)
  }

  public init(
    assessment: Assessment, rollups: Rollups, changes: [String] = [], previousStatus: String? = nil,
    newSignals: [String]? = nil, displayName: String? = nil
  ) {
    self.assessment = assessment
    self.rollups = rollups
    self.changes = changes
    self.previousStatus = previousStatus
    self.newSignals = newSignals
    self.displayName = displayName ?? assessment.subject
  }

  /// Tags of the subject's texts, each with the share of texts carrying it, strongest first.
  /// `weekly`: the subject's weekly rollup, as the caller already read it.
  public static func topTags(
    in weekly: [(start: LocalDay, bucket: DayBucket)], kind: TagKind, limit: Int
  ) -> [(tag: String, share: Double)] {
    var counts: [String: Int] = [:]
    var texts = 0
    for (_, bucket) in weekly {
      texts += bucket.texts
      for (tag, count) in bucket.tagCounts { counts[tag, default: 0] += count }
    }
    guard texts > 0 else { return [] }
    return counts.filter { (Taxonomy.kind(of: $0.key) ?? .theme) == kind }
      .map { (tag: $0.key, share: Double($0.value) / Double(texts)) }
      .sorted { $0.share != $1.share ? $0.share > $1.share : $0.tag < $1.tag }
      .prefix(limit).map { $0 }
  }
}

/// Streams a run's per-record data back to renderers, in input order, so that per-record
/// sheets never need the records in memory.
public protocol RecordSource {
  /// Every analysed text (of `subject`, or all when `nil`).
  func forEachEntry(subject: String?, _ body: (AnalyzedRecord) throws -> Void) throws
  /// Every check-in (of `subject`, or all when `nil`).
  func forEachCheckIn(subject: String?, _ body: (CheckIn) throws -> Void) throws
}

/// Records held in memory: for tests and small inputs.
public struct InMemoryRecords: RecordSource {
  public var entries: [AnalyzedRecord]
  public var checkIns: [CheckIn]

  public init(entries: [AnalyzedRecord] = [], checkIns: [CheckIn] = []) {
    self.entries = entries
    self.checkIns = checkIns
  }

  public func forEachEntry(subject: String?, _ body: (AnalyzedRecord) throws -> Void) throws {
    for entry in entries where subject == nil || entry.subject == subject { try body(entry) }
  }

  public func forEachCheckIn(subject: String?, _ body: (CheckIn) throws -> Void) throws {
    for checkIn in checkIns where subject == nil || checkIn.subject == subject { try body(checkIn) }
  }
}

/// Everything every exporter renders. Built once per run; exporters never recompute.
public struct Report: Sendable {
  public var pipeline: String
  public var asOf: LocalDay?
  public var counts: RunCounts
  public var subjects: [SubjectReport]
  /// Categories the lexicon can produce, in column order.
  public var categories: [(name: String, kind: TagKind)]
  public var lexicons: [String]
  /// The first rejects (all of them are in the rejects file).
  public var rejects: [Reject]
  /// Files met and not read, each with its reason.
  public var skippedFiles: [SkippedFile] = []
  /// The writers' own tags with their weeks and tone (the Own tags sheet), by subject.
  public var ownTags: [OwnTag] = []
  public var alerts: [String]
  /// The pipeline file the run came from, for the About sheet (`nil` for commands).
  public var pipelinePath: String?
  /// The time zone dates were read in.
  public var timeZone: String = ""
  /// Output files written, relative to the output folder (filled in as they are written).
  public var outputs: [String]
  /// Whether the outputs show the journal texts themselves (the Entries sheet's Text column).
  /// True by default; set it to false for a report whose outputs are shared without the
  /// writing in them — a pseudonymised caseload, where codes replace names but a text would
  /// still identify its writer.
  public var showsText = true

  /// The caseload's outcomes (reliable change of the repair rating, inactive subjects): the
  /// one count the Overview sheet, the dashboard's head, the HTML head and `report.json` show.
  public var outcomes: CaseloadOutcomes { CaseloadOutcomes(subjects.lazy.map(\.assessment)) }

  public init(
    pipeline: String, asOf: LocalDay?, counts: RunCounts, subjects: [SubjectReport],
    categories: [(name: String, kind: TagKind)], lexicons: [String], rejects: [Reject],
    alerts: [String] = [], outputs: [String] = []
  ) {
    self.pipeline = pipeline
    self.asOf = asOf
    self.counts = counts
    self.subjects = subjects
    self.categories = categories
    self.lexicons = lexicons
    self.rejects = rejects
    self.alerts = alerts
    self.outputs = outputs
  }
}
