import TrustLensCore
package import TrustLensImport
package import TrustLensAnalysis
import Foundation

/// The streaming front of every command: inputs → records → (transformed) → duplicates
/// removed → texts analysed → one ``RecordSink``. Each record ends in exactly one sink call (a
/// duplicate is one too), so the counts reconcile: records = entries + check-ins + rejected +
/// duplicates.
package struct Ingest {
  /// One input with the settings to read it.
  package struct Source: Sendable {
    package var path: String
    package var options: ImportOptions
    package var followLinks: Bool

    package init(path: String, options: ImportOptions, followLinks: Bool = false) {
      self.path = path
      self.options = options
      self.followLinks = followLinks
    }

    /// How the folder walk treats links: skipped unless `followLinks`, then followed inside
    /// the input unless the reading options allow anywhere.
    var links: LinkPolicy {
      !followLinks ? .skip : options.reading.linksAnywhere ? .followAnywhere : .followInside
    }
  }

  package let sources: [Source]
  package let analyzer: Analyzer
  /// Earlier analyses by content (run state), or `nil` to analyse everything.
  let cache: RunState?
  /// Applied to every record as it leaves its importer (pseudonyms), or `nil`.
  let transform: (any RecordTransform)?
  /// The run's output folder: a file inside it (named directly or by a glob) is skipped, so a
  /// run never reads what it writes. Folders walked skip it by its marker anyway.
  let outputFolder: String?

  package init(sources: [Source], analyzer: Analyzer) {
    self.init(sources: sources, analyzer: analyzer, cache: nil, transform: nil, outputFolder: nil)
  }

  init(sources: [Source], analyzer: Analyzer, cache: RunState?, transform: (any RecordTransform)?, outputFolder: String?) {
    self.sources = sources
    self.analyzer = analyzer
    self.cache = cache
    self.transform = transform
    self.outputFolder = outputFolder
  }

  /// Texts analysed together on all cores; records are handed on in input order.
  static let batchSize = 512

  /// Reads every input into `sink` (and `lines`, when given).
  /// - Returns: what was counted, in total and per subject.
  /// - Throws: ``ImportError`` for an input that does not exist or cannot be read as a whole
  ///   (before any record is handed on, for a missing one); whatever a sink throws.
  package func run(into sink: any RecordSink, lines: (any LineSink)? = nil) throws -> IngestCounts {
    var counts = IngestCounts()
    let seen = KeySet()
    // Expand every input first, so a missing one fails before any work is done.
    var plan: [(InputFile, Source)] = []
    let output = outputFolder.map(OutputFolder.canonical)
    func skip(_ file: SkippedFile) { sink.skipped(transform?.transform(file) ?? file) }
    for source in sources {
      let expansion = try InputFiles.expand(source.path, links: source.links)
      for file in expansion.files {
        if let output, file.path != "-", OutputFolder.canonical(file.path).hasPrefix(output + "/") {
          skip(SkippedFile(path: file.path, reason: "inside the run's output folder, skipped"))
          continue
        }
        plan.append((file, source))
      }
      expansion.skipped.forEach(skip)
    }
    var language = (checked: 0, other: 0)
    var queue: [Event] = []
    var texts = 0
    var analysis = AnalysisPipeline(analyzer: analyzer, encode: lines?.encode)
    func enqueue(_ pending: PendingText) throws {
      guard let cache else {
        queue.append(.text(pending, cached: nil, key: nil))
        texts += 1
        return
      }
      let key = RunState.key(text: pending.text, lexicon: analyzer.lexicon.fingerprint)
      let cached = try cache.cachedAnalysis(key: key)
      queue.append(.text(pending, cached: cached, key: key))
      if cached == nil { texts += 1 }
    }
    /// Counts one record and queues what becomes of it.
    func take(_ record: ImportedRecord) throws {
      switch record {
      case .entry(let entry):
        if let duplicate = try Ingest.duplicate(seen, content: Ingest.key(entry), id: Ingest.idKey(entry.subject, kind: "entry", entry.id), what: "text", entry.source, entry.subject) {
          counts.add(\.duplicates, subject: entry.subject)
          queue.append(.duplicate(duplicate))
          return
        }
        counts.add(\.entries, subject: entry.subject)
        try enqueue(PendingText(entry))
      case .checkIn(let checkIn):
        if let duplicate = try Ingest.duplicate(seen, content: Ingest.key(checkIn), id: Ingest.idKey(checkIn.subject, kind: "check-in", checkIn.id), what: "values", checkIn.source, checkIn.subject) {
          counts.add(\.duplicates, subject: checkIn.subject)
          queue.append(.duplicate(duplicate))
          return
        }
        counts.add(\.checkIns, subject: checkIn.subject)
        queue.append(.checkIn(checkIn))
        if let note = PendingText(noteOf: checkIn) { try enqueue(note) }
      case .reject(let reject):
        counts.add(\.rejected, subject: reject.subject)
        queue.append(.reject(reject))
      case .analyzed(let analyzed):
        if let duplicate = try Ingest.duplicate(
          seen, content: FNV.hash(["a", analyzed.subject, analyzed.kind.rawValue, analyzed.date.description, analyzed.source.description]),
          id: Ingest.idKey(analyzed.subject, kind: "analysis " + analyzed.kind.rawValue, analyzed.id), what: "analysis", analyzed.source, analyzed.subject)
        {
          counts.add(\.duplicates, subject: analyzed.subject)
          queue.append(.duplicate(duplicate))
          return
        }
        // A shard's line stands for the record it was analysed from: an entry, or the
        // check-in whose note it is (counted, so the run still reconciles).
        counts.add(analyzed.kind == .entry ? \.entries : \.checkIns, subject: analyzed.subject)
        counts.add(\.reused, subject: analyzed.subject)
        queue.append(.analyzed(analyzed))
      }
    }
    for (file, source) in plan {
      let fileSubject = Ingest.subject(of: file, under: source.options.subject)
      transform?.willRead(file)
      let report = try Importer(options: source.options).read(file, notice: { notice in
        sink.notice(transform?.transform(notice: notice.description) ?? notice.description)
      }) { imported in
        var imported = imported
        // A reject is the file's subject's when the rule names it without the record.
        if case .reject(var reject) = imported, reject.subject == nil, let fileSubject {
          reject.subject = fileSubject
          imported = .reject(reject)
        }
        try take(transform?.transform(imported, from: file) ?? imported)
        // Every record, duplicates too, counts towards the next batch: the queue stays bounded.
        if texts >= Ingest.batchSize || queue.count >= 8 * Ingest.batchSize {
          analysis.submit(queue)
          queue.removeAll(keepingCapacity: true)
          texts = 0
          while let batch = analysis.finished(wait: analysis.inFlight > AnalysisPipeline.maximumInFlight) {
            try hand(batch, &counts, sink, lines)
          }
        }
      }
      if let skipped = report.skipped { skip(skipped) }
      language.checked += report.textsChecked
      language.other += report.nonEnglishTexts
    }
    if language.other > 0 { sink.notice(Ingest.languageNotice(language.other, of: language.checked)) }
    analysis.submit(queue)
    while let batch = analysis.finished(wait: true) { try hand(batch, &counts, sink, lines) }
    return counts
  }

  /// Said once per run: `12 of 40 texts look like they are not English; …`.
  static func languageNotice(_ other: Int, of checked: Int) -> String {
    "\(other) of \(checked) \(checked == 1 ? "text looks" : "texts look") like \(other == 1 && checked == 1 ? "it is" : "they are") not English; "
      + "the built-in lexicon reads English (a lexicon of your language's words can add its tags: see README, Lexicons)"
  }

  /// Hands every record of an analysed batch on, in order.
  private func hand(_ batch: AnalysisPipeline.Batch, _ counts: inout IngestCounts, _ sink: any RecordSink, _ lines: (any LineSink)?) throws {
    var next = 0
    for event in batch.events {
      switch event {
      case .text(let pending, let cached, let key):
        let record: AnalyzedRecord
        var line: String?
        if let cached {
          counts.add(\.reused, subject: pending.subject)
          record = pending.record(with: cached)
        } else {
          counts.add(\.analyzed, subject: pending.subject)
          record = pending.record(with: batch.results[next]!)
          line = batch.lines.isEmpty ? nil : batch.lines[next]
          next += 1
          if let key { try cache?.remember(key: key, analysis: record.analysis) }
        }
        try sink.analyzed(record)
        if let lines { try lines.write(line ?? lines.encode(record), of: record) }
      case .analyzed(let record):
        try sink.analyzed(record)
        if let lines { try lines.write(lines.encode(record), of: record) }
      case .checkIn(let checkIn): try sink.checkIn(checkIn)
      case .reject(let reject): try sink.rejected(reject)
      case .duplicate(let duplicate): try sink.duplicate(duplicate)
      }
    }
  }

  /// The subject every record of `file` has under `rule`, when the rule decides it without
  /// reading the records (a fixed id, or the file's client folder).
  static func subject(of file: InputFile, under rule: SubjectRule) -> String? {
    switch rule {
    case .fixed(let id): return id
    case .folder: return file.folderSubject
    case .field: return nil
    }
  }

  /// The duplicate's reject when a record was seen before, or `nil` (and it is remembered)
  /// when it is new.
  static func duplicate(
    _ seen: KeySet, content: UInt64, id: UInt64, what: String, _ source: SourceLocation, _ subject: String
  ) throws(KeySet.OutOfMemory) -> Reject? {
    if seen.contains(id) { return Reject(source: source, reason: "duplicate of an earlier record with the same id", subject: subject) }
    if seen.contains(content) {
      return Reject(source: source, reason: "duplicate of an earlier record with the same subject, date and \(what)", subject: subject)
    }
    try seen.insert(id)
    try seen.insert(content)
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

  /// The key of a record's id: ids are a subject's and a kind's own, so a journal entry and a
  /// check-in numbered alike in two files ("1", "2", …) are two records, not one duplicate.
  static func idKey(_ subject: String, kind: String, _ id: String) -> UInt64 {
    var hash = FNV()
    hash.mix("id")
    hash.mix(subject)
    hash.mix(kind)
    hash.mix(id)
    return hash.value
  }
}

extension Ingest {
  /// What happens to one record, queued so that texts can be analysed in parallel batches
  /// while the sink still sees every record in input order.
  enum Event {
    case text(PendingText, cached: TextAnalysis?, key: String?)
    /// A record analysed elsewhere (an analysed line of a shard).
    case analyzed(AnalyzedRecord)
    case checkIn(CheckIn)
    case reject(Reject)
    case duplicate(Reject)
  }
}
