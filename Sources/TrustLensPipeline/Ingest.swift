public import TrustLensCore
public import TrustLensImport
public import TrustLensAnalysis
import Foundation
import Dispatch

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

  /// Texts analysed together on all cores; records are handed on in input order.
  static let batchSize = 512

  /// What happens to one record, queued so that texts can be analysed in parallel batches
  /// while the handlers still see every record in input order.
  private enum Event {
    case analyzed(text: String, record: AnalyzedRecord, cached: TextAnalysis?, key: String?)
    case checkIn(CheckIn)
    case reject(Reject)
    case duplicate(Reject)
  }

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
    var queue: [Event] = []
    var texts = 0
    func enqueueText(_ text: String, _ record: AnalyzedRecord) throws {
      guard let cache else {
        queue.append(.analyzed(text: text, record: record, cached: nil, key: nil))
        texts += 1
        return
      }
      let key = RunState.key(text: text, lexicon: analyzer.lexicon.fingerprint)
      let cached = try cache.cachedAnalysis(key: key)
      queue.append(.analyzed(text: text, record: record, cached: cached, key: key))
      if cached == nil { texts += 1 }
    }
    for (file, source) in plan {
      try Importer(options: source.options).read(file) { record in
        switch record {
        case .entry(let entry):
          if let reason = Ingest.duplicateReason(&seen, content: Ingest.key(entry), id: Ingest.idKey(entry.subject, entry.id), what: "text") {
            counts.duplicates += 1
            queue.append(.duplicate(Reject(source: entry.source, reason: reason)))
            return
          }
          counts.entries += 1
          try enqueueText(
            entry.text,
            AnalyzedRecord(
              id: entry.id, subject: entry.subject, date: entry.date, source: entry.source, kind: .entry,
              analysis: Ingest.placeholder))
        case .checkIn(let checkIn):
          if let reason = Ingest.duplicateReason(&seen, content: Ingest.key(checkIn), id: Ingest.idKey(checkIn.subject, checkIn.id), what: "values") {
            counts.duplicates += 1
            queue.append(.duplicate(Reject(source: checkIn.source, reason: reason)))
            return
          }
          counts.checkIns += 1
          queue.append(.checkIn(checkIn))
          if let note = checkIn.note {
            try enqueueText(
              note,
              AnalyzedRecord(
                id: checkIn.id, subject: checkIn.subject, date: checkIn.date, source: checkIn.source, kind: .checkinNote,
                analysis: Ingest.placeholder))
          }
        case .reject(let reject):
          counts.rejected += 1
          queue.append(.reject(reject))
        case .analyzed(let record):
          if let reason = Ingest.duplicateReason(
            &seen, content: FNV.hash(["a", record.subject, record.kind.rawValue, record.date.description, record.source.description]),
            id: Ingest.idKey(record.subject, record.kind.rawValue + record.id), what: "analysis")
          {
            counts.duplicates += 1
            queue.append(.duplicate(Reject(source: record.source, reason: reason)))
            return
          }
          if record.kind == .entry { counts.entries += 1 }
          counts.reused += 1
          queue.append(.analyzed(text: "", record: record, cached: record.analysis, key: nil))
        }
        if texts >= Ingest.batchSize || queue.count >= 8 * Ingest.batchSize {
          try flush(&queue, &counts, handlers)
          texts = 0
        }
      }
    }
    try flush(&queue, &counts, handlers)
    return counts
  }

  private static let placeholder = TextAnalysis(words: 0, valence: 0, emotions: [:], themes: [:], evidence: [])

  /// Analyses the queued texts on all cores, then hands every queued record on in order.
  private func flush(_ queue: inout [Event], _ counts: inout RunCounts, _ handlers: Handlers) throws {
    var work: [(index: Int, text: String)] = []
    for (index, event) in queue.enumerated() {
      if case .analyzed(let text, _, let cached, _) = event, cached == nil { work.append((index, text)) }
    }
    let results = UnsafeMutableBufferPointer<TextAnalysis>.allocate(capacity: max(work.count, 1))
    defer { results.deallocate() }
    nonisolated(unsafe) let slots = results
    let analyzer = self.analyzer
    let jobs = work
    DispatchQueue.concurrentPerform(iterations: jobs.count) { job in
      (slots.baseAddress! + job).initialize(to: analyzer.analyze(jobs[job].text))
    }
    defer { results.prefix(work.count).indices.forEach { (results.baseAddress! + $0).deinitialize(count: 1) } }
    var next = 0
    for event in queue {
      switch event {
      case .analyzed(let text, var record, let cached, let key):
        if let cached {
          if !text.isEmpty { counts.reused += 1 }
          record.analysis = cached
        } else {
          counts.analyzed += 1
          record.analysis = results[next]
          next += 1
          if let key { try cache?.remember(key: key, analysis: record.analysis) }
        }
        try handlers.analyzed(record)
      case .checkIn(let checkIn): try handlers.checkIn(checkIn)
      case .reject(let reject): try handlers.reject(reject)
      case .duplicate(let duplicate): try handlers.duplicate(duplicate)
      }
    }
    queue.removeAll(keepingCapacity: true)
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
