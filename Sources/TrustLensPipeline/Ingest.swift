public import TrustLensCore
public import TrustLensImport
public import TrustLensAnalysis
import Foundation

/// The streaming front of every command: inputs → records → duplicates removed → texts
/// analysed. Each record ends in exactly one callback (or as a counted duplicate).
public struct Ingest {
  /// One input with the settings to read it.
  public struct Source: Sendable {
    public var path: String
    public var options: ImportOptions
    public var followLinks: Bool

    public init(path: String, options: ImportOptions, followLinks: Bool = false) {
      self.path = path
      self.options = options
      self.followLinks = followLinks
    }
  }

  /// What each record became. `analyzed` is called for entries and for check-in notes.
  public struct Handlers {
    public var analyzed: (AnalyzedRecord) throws -> Void
    public var checkIn: (CheckIn) throws -> Void
    public var reject: (Reject) throws -> Void
    /// A record dropped as a duplicate, with where it is and why (counted, never silent).
    public var duplicate: (Reject) throws -> Void
    /// Notices about skipped files (links, output folders), for standard error.
    public var notice: (String) -> Void

    public init(
      analyzed: @escaping (AnalyzedRecord) throws -> Void,
      checkIn: @escaping (CheckIn) throws -> Void = { _ in },
      reject: @escaping (Reject) throws -> Void = { _ in },
      duplicate: @escaping (Reject) throws -> Void = { _ in },
      notice: @escaping (String) -> Void = { _ in }
    ) {
      self.analyzed = analyzed
      self.checkIn = checkIn
      self.reject = reject
      self.duplicate = duplicate
      self.notice = notice
    }
  }

  public let sources: [Source]
  public let analyzer: Analyzer
  /// Earlier analyses by content (run state), or `nil` to analyse everything.
  let cache: RunState?

  public init(sources: [Source], analyzer: Analyzer) {
    self.sources = sources
    self.analyzer = analyzer
    self.cache = nil
  }

  init(sources: [Source], analyzer: Analyzer, cache: RunState?) {
    self.sources = sources
    self.analyzer = analyzer
    self.cache = cache
  }

  /// The analysis of `text`: from the cache when it has it, else computed (and remembered).
  private func analysis(of text: String, counts: inout RunCounts) throws -> TextAnalysis {
    guard let cache else {
      counts.analyzed += 1
      return analyzer.analyze(text)
    }
    let key = RunState.key(text: text, lexicon: analyzer.lexicon.fingerprint)
    if let cached = try cache.cachedAnalysis(key: key) {
      counts.reused += 1
      return cached
    }
    counts.analyzed += 1
    let fresh = analyzer.analyze(text)
    try cache.remember(key: key, analysis: fresh)
    return fresh
  }

  /// Reads every input once, in order, and returns the reconciled counts.
  /// - Throws: ``TrustLensImport/ImportError`` when an input is missing or unreadable;
  ///   whatever a handler throws.
  public func run(_ handlers: Handlers) throws -> RunCounts {
    var counts = RunCounts()
    var seen = Set<UInt64>()
    // Expand every input first, so a missing one fails before any work is done.
    var plan: [(InputFile, Source)] = []
    for source in sources {
      var skipped: [String] = []
      for file in try InputFiles.expand(source.path, followLinks: source.followLinks, skipped: &skipped) {
        plan.append((file, source))
      }
      skipped.forEach(handlers.notice)
    }
    for (file, source) in plan {
      try Importer(options: source.options).read(file) { record in
        switch record {
        case .entry(let entry):
          if let reason = Ingest.duplicateReason(&seen, content: Ingest.key(entry), id: Ingest.idKey(entry.subject, entry.id), what: "text") {
            counts.duplicates += 1
            try handlers.duplicate(Reject(source: entry.source, reason: reason))
            return
          }
          counts.entries += 1
          let analysis = try self.analysis(of: entry.text, counts: &counts)
          try handlers.analyzed(
            AnalyzedRecord(
              id: entry.id, subject: entry.subject, date: entry.date, source: entry.source,
              kind: .entry, analysis: analysis))
        case .checkIn(let checkIn):
          if let reason = Ingest.duplicateReason(&seen, content: Ingest.key(checkIn), id: Ingest.idKey(checkIn.subject, checkIn.id), what: "values") {
            counts.duplicates += 1
            try handlers.duplicate(Reject(source: checkIn.source, reason: reason))
            return
          }
          counts.checkIns += 1
          try handlers.checkIn(checkIn)
          if let note = checkIn.note {
            let analysis = try self.analysis(of: note, counts: &counts)
            try handlers.analyzed(
              AnalyzedRecord(
                id: checkIn.id, subject: checkIn.subject, date: checkIn.date, source: checkIn.source,
                kind: .checkinNote, analysis: analysis))
          }
        case .reject(let reject):
          counts.rejected += 1
          try handlers.reject(reject)
        }
      }
    }
    return counts
  }

  /// Why a record is a duplicate, or `nil` (and it is remembered) when it is new.
  static func duplicateReason(_ seen: inout Set<UInt64>, content: UInt64, id: UInt64, what: String) -> String? {
    if seen.contains(id) { return "duplicate of an earlier record with the same id" }
    if seen.contains(content) { return "duplicate of an earlier record with the same subject, date and \(what)" }
    seen.insert(id)
    seen.insert(content)
    return nil
  }

  /// Same subject, day, time and text: the same entry exported twice.
  static func key(_ entry: Entry) -> UInt64 {
    FNV.hash(["e", entry.subject, entry.date.description, entry.text])
  }

  static func key(_ checkIn: CheckIn) -> UInt64 {
    let ratings = checkIn.ratings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    return FNV.hash(
      ["c", checkIn.subject, checkIn.date.description, checkIn.held ? "1" : "0", checkIn.note ?? ""] + ratings)
  }

  static func idKey(_ subject: String, _ id: String) -> UInt64 { FNV.hash(["id", subject, id]) }
}

/// FNV-1a, 64 bits: a stable hash (Swift's `Hasher` is seeded per process).
enum FNV {
  static func hash(_ parts: [String]) -> UInt64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for part in parts {
      for byte in part.utf8 {
        value ^= UInt64(byte)
        value = value &* 0x100_0000_01b3
      }
      value ^= 0xff
      value = value &* 0x100_0000_01b3
    }
    return value
  }
}
