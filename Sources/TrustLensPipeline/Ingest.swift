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
    /// Notices for standard error: skipped files, readers' guesses and kept records' bad
    /// fields (`file:line: message`), and the run's count of texts that are not English.
    public var notice: (String) -> Void
    /// Every file met that gives no records, with why (each is also told through `notice`):
    /// for the run summary's list of skipped files.
    public var skipped: (SkippedFile) -> Void = { _ in }
    /// Optional: a text form of each analysed record, made on the analysis threads (in
    /// parallel, so formatting does not hold up the reading thread) and handed to `write`
    /// with its record, in input order, right after `analyzed`.
    public var line: (make: @Sendable (AnalyzedRecord) -> String, write: (AnalyzedRecord, String) throws -> Void)?

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
  fileprivate enum Event {
    case analyzed(text: String, record: AnalyzedRecord, cached: TextAnalysis?, key: String?)
    case checkIn(CheckIn)
    case reject(Reject)
    case duplicate(Reject)
  }

  public func run(_ handlers: Handlers) throws -> RunCounts {
    var counts = RunCounts()
    let seen = KeySet()
    // Expand every input first, so a missing one fails before any work is done.
    var plan: [(InputFile, Source)] = []
    func skip(_ file: SkippedFile) {
      handlers.notice(file.description)
      handlers.skipped(file)
    }
    for source in sources {
      let links: LinkPolicy = !source.followLinks ? .skip : source.options.reading.linksAnywhere ? .followAnywhere : .followInside
      let expansion = try InputFiles.expand(source.path, links: links)
      plan += expansion.files.map { ($0, source) }
      expansion.skipped.forEach(skip)
    }
    var language = (checked: 0, other: 0)
    var queue: [Event] = []
    var texts = 0
    var pipeline = AnalysisPipeline(analyzer: analyzer, line: handlers.line?.make)
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
      let report = try Importer(options: source.options).read(file, notice: { handlers.notice($0.description) }) { record in
        switch record {
        case .entry(let entry):
          if let reason = Ingest.duplicateReason(seen, content: Ingest.key(entry), id: Ingest.idKey(entry.subject, entry.id), what: "text") {
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
          if let reason = Ingest.duplicateReason(seen, content: Ingest.key(checkIn), id: Ingest.idKey(checkIn.subject, checkIn.id), what: "values") {
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
            seen, content: FNV.hash(["a", record.subject, record.kind.rawValue, record.date.description, record.source.description]),
            id: Ingest.idKey(record.subject, record.kind.rawValue + record.id), what: "analysis")
          {
            counts.duplicates += 1
            queue.append(.duplicate(Reject(source: record.source, reason: reason)))
            return
          }
          // A shard's line stands for the record it was analysed from: an entry, or the
          // check-in whose note it is (counted, so the run still reconciles).
          if record.kind == .entry { counts.entries += 1 } else { counts.checkIns += 1 }
          counts.reused += 1
          queue.append(.analyzed(text: "", record: record, cached: record.analysis, key: nil))
        }
        if texts >= Ingest.batchSize || queue.count >= 8 * Ingest.batchSize {
          pipeline.submit(queue)
          queue.removeAll(keepingCapacity: true)
          texts = 0
          while let batch = pipeline.finished(wait: pipeline.inFlight > AnalysisPipeline.maximumInFlight) {
            try hand(batch, &counts, handlers)
          }
        }
      }
      if let skipped = report.skipped { skip(skipped) }
      language.checked += report.textsChecked
      language.other += report.nonEnglishTexts
    }
    if language.other > 0 { handlers.notice(Ingest.languageNotice(language.other, of: language.checked)) }
    pipeline.submit(queue)
    while let batch = pipeline.finished(wait: true) { try hand(batch, &counts, handlers) }
    return counts
  }

  /// Said once per run: `12 of 40 texts look like they are not English; …`.
  static func languageNotice(_ other: Int, of checked: Int) -> String {
    "\(other) of \(checked) \(checked == 1 ? "text looks" : "texts look") like \(other == 1 && checked == 1 ? "it is" : "they are") not English; "
      + "the built-in lexicon reads English (a lexicon of your language's words can add its tags: see README, Lexicons)"
  }

  fileprivate static let placeholder = TextAnalysis(words: 0, valence: 0, emotions: [:], themes: [:], evidence: [])

  /// Hands every record of an analysed batch on, in order.
  private func hand(_ batch: AnalysisPipeline.Batch, _ counts: inout RunCounts, _ handlers: Handlers) throws {
    var next = 0
    for event in batch.events {
      switch event {
      case .analyzed(let text, var record, let cached, let key):
        if let cached {
          if !text.isEmpty { counts.reused += 1 }
          record.analysis = cached
        } else {
          counts.analyzed += 1
          record.analysis = batch.results[next]
          next += 1
          if let key { try cache?.remember(key: key, analysis: record.analysis) }
        }
        try handlers.analyzed(record)
        if let line = handlers.line {
          // Lines of fresh analyses were made with them; cached ones are made here.
          try line.write(record, cached == nil ? batch.lines[next - 1] : line.make(record))
        }
      case .checkIn(let checkIn): try handlers.checkIn(checkIn)
      case .reject(let reject): try handlers.reject(reject)
      case .duplicate(let duplicate): try handlers.duplicate(duplicate)
      }
    }
  }

  /// Analyses batches of queued records in the background, on every core, while the caller
  /// goes on reading; hands batches back in the order they were submitted.
  ///
  /// Each batch is cut into chunks analysed by separate work items, each with its own
  /// ``AnalysisWorkspace``. At most ``maximumInFlight`` batches wait, so memory stays bounded
  /// however large the input.
  fileprivate struct AnalysisPipeline {
    static let maximumInFlight = 6
    static let chunkSize = 64

    /// Records of one batch and, once `group` completes, the analyses of their texts.
    final class Batch: @unchecked Sendable {
      let events: [Event]
      /// One slot per text to analyse; each work item writes its own range, and nobody
      /// reads before `group` completes (hence unchecked Sendable).
      let results: UnsafeMutableBufferPointer<TextAnalysis>
      /// The text form of each result, when the handlers ask for one (else empty).
      let lines: UnsafeMutableBufferPointer<String>
      let group = DispatchGroup()

      init(events: [Event], count: Int, withLines: Bool) {
        self.events = events
        results = .allocate(capacity: count)
        results.initialize(repeating: Ingest.placeholder)
        lines = .allocate(capacity: withLines ? count : 0)
        lines.initialize(repeating: "")
      }

      deinit {
        results.deinitialize()
        results.deallocate()
        lines.deinitialize()
        lines.deallocate()
      }
    }

    let analyzer: Analyzer
    let line: (@Sendable (AnalyzedRecord) -> String)?
    /// Submitted batches; those handed back are nil, trimmed now and then.
    private var batches: [Batch?] = []
    private var first = 0
    private let queue = DispatchQueue.global(qos: .userInitiated)

    init(analyzer: Analyzer, line: (@Sendable (AnalyzedRecord) -> String)?) {
      self.analyzer = analyzer
      self.line = line
    }

    var inFlight: Int { batches.count - first }

    /// Starts analysing the texts of `events` (those without a cached analysis).
    mutating func submit(_ events: [Event]) {
      guard !events.isEmpty else { return }
      var texts: [(text: String, record: AnalyzedRecord)] = []
      for event in events {
        if case .analyzed(let text, let record, let cached, _) = event, cached == nil { texts.append((text, record)) }
      }
      let batch = Batch(events: events, count: texts.count, withLines: line != nil)
      let analyzer = self.analyzer, line = self.line
      let jobs = texts
      for start in stride(from: 0, to: jobs.count, by: Self.chunkSize) {
        queue.async(group: batch.group) {
          var workspace = AnalysisWorkspace()
          let end = min(start + Self.chunkSize, jobs.count)
          for index in start..<end {
            let analysis = analyzer.analyze(jobs[index].text, reusing: &workspace)
            batch.results[index] = analysis
            if let line {
              var record = jobs[index].record
              record.analysis = analysis
              batch.lines[index] = line(record)
            }
          }
        }
      }
      batches.append(batch)
    }

    /// The oldest batch if it is analysed (waiting for it when `wait`), else nil.
    mutating func finished(wait: Bool) -> Batch? {
      guard first < batches.count else { return nil }
      let batch = batches[first]!
      if wait { batch.group.wait() } else if batch.group.wait(timeout: .now()) == .timedOut { return nil }
      batches[first] = nil
      first += 1
      if first > 64 {
        batches.removeFirst(first)
        first = 0
      }
      return batch
    }
  }

  /// Why a record is a duplicate, or `nil` (and it is remembered) when it is new.
  static func duplicateReason(_ seen: KeySet, content: UInt64, id: UInt64, what: String) -> String? {
    if seen.contains(id) { return "duplicate of an earlier record with the same id" }
    if seen.contains(content) { return "duplicate of an earlier record with the same subject, date and \(what)" }
    seen.insert(id)
    seen.insert(content)
    return nil
  }

  /// Same subject, day, time and text: the same entry exported twice.
  static func key(_ entry: Entry) -> UInt64 {
    var hash = FNV()
    hash.mix("e")
    hash.mix(entry.subject)
    hash.mix(entry.date)
    hash.mix(entry.text)
    return hash.value
  }

  static func key(_ checkIn: CheckIn) -> UInt64 {
    let ratings = checkIn.ratings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    return FNV.hash(
      ["c", checkIn.subject, checkIn.date.description, checkIn.held ? "1" : "0", checkIn.note ?? ""] + ratings)
  }

  static func idKey(_ subject: String, _ id: String) -> UInt64 {
    var hash = FNV()
    hash.mix("id")
    hash.mix(subject)
    hash.mix(id)
    return hash.value
  }
}

/// A stable 64-bit hash (Swift's `Hasher` is seeded per process) over parts each ended by a
/// separator byte (0xff, which UTF-8 never contains): FNV-1a, except that a string's bytes
/// are taken eight at a time, each word multiplied in and folded, because whole journal
/// texts go through it (a byte at a time cost half a second of the reading thread per
/// million entries).
struct FNV {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func mix(_ part: String) {
    var part = part
    value = part.withUTF8 { bytes in
      var value = self.value
      var offset = 0
      if let base = bytes.baseAddress {
        while offset + 8 <= bytes.count {
          let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
          value = (value ^ word) &* 0x9e37_79b9_7f4a_7c15
          value ^= value >> 32
          offset += 8
        }
      }
      while offset < bytes.count {
        value = (value ^ UInt64(bytes[offset])) &* 0x100_0000_01b3
        offset += 1
      }
      return (value ^ 0xff) &* 0x100_0000_01b3
    }
  }

  /// A date by its fields, without formatting it: equal exactly when the dates print the
  /// same (a time without an offset counts as UTC, a day alone has no offset).
  mutating func mix(_ date: RecordDate) {
    let time = date.secondsOfDay ?? -1, offset = date.secondsOfDay == nil ? 0 : date.utcOffsetSeconds ?? 0
    for field in [date.day.year, date.day.month, date.day.day, time, offset] {
      var word = UInt64(bitPattern: Int64(field))
      for _ in 0..<8 {
        value = (value ^ (word & 0xff)) &* 0x100_0000_01b3
        word >>= 8
      }
    }
    value = (value ^ 0xff) &* 0x100_0000_01b3
  }

  static func hash(_ parts: [String]) -> UInt64 {
    var hash = FNV()
    for part in parts { hash.mix(part) }
    return hash.value
  }
}
