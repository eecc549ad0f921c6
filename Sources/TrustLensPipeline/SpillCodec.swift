#if canImport(Glibc)
  import Glibc
#endif
import TrustLensCore

/// A compact binary encoding for the records a run spills to disk between streaming them
/// in and writing per-record outputs (JSON via Foundation's coders was the run's bottleneck).
///
/// Each record is a frame: its byte length (UInt32, little endian) then its fields, strings
/// as length + UTF-8. Only this process reads what it wrote, so there is no versioning.
struct SpillWriter {
  private(set) var buffer: [UInt8] = []

  mutating func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { buffer.append(contentsOf: $0) } }
  mutating func double(_ value: Double) { withUnsafeBytes(of: value.bitPattern.littleEndian) { buffer.append(contentsOf: $0) } }
  mutating func string(_ value: String) {
    int(value.utf8.count)
    buffer.append(contentsOf: value.utf8)
  }
  mutating func optionalInt(_ value: Int?) { int(value ?? Int(Int64.min)) }

  mutating func date(_ date: RecordDate) {
    int(date.day.dayNumber)
    optionalInt(date.secondsOfDay)
    optionalInt(date.utcOffsetSeconds)
  }

  mutating func tags(_ tags: [String: Double]) {
    int(tags.count)
    for key in tags.keys.sorted() {
      string(key)
      double(tags[key]!)
    }
  }

  /// The identity every record starts with: id, subject, date, source.
  mutating func identity(id: String, subject: String, date: RecordDate, source: SourceLocation) {
    string(id)
    string(subject)
    self.date(date)
    string(source.file)
    int(source.line)
  }

  /// One analysed record as a frame.
  static func frame(_ record: AnalyzedRecord) -> [UInt8] {
    var w = SpillWriter()
    w.identity(id: record.id, subject: record.subject, date: record.date, source: record.source)
    w.int(record.kind == .entry ? 0 : 1)
    let a = record.analysis
    w.int(a.words)
    w.double(a.valence)
    w.tags(a.emotions)
    w.tags(a.themes)
    w.int(a.evidence.count)
    for e in a.evidence {
      w.string(e.tag)
      w.string(e.match)
      w.int(e.sentence)
      w.int(e.start)
      w.int(e.end)
      w.double(e.weight)
      w.int(e.rules.count)
      for rule in e.rules { w.string(rule) }
    }
    return withLength(w.buffer)
  }

  /// One check-in as a frame.
  static func frame(_ checkIn: CheckIn) -> [UInt8] {
    var w = SpillWriter()
    w.identity(id: checkIn.id, subject: checkIn.subject, date: checkIn.date, source: checkIn.source)
    w.int(checkIn.held ? 1 : 0)
    w.tags(checkIn.ratings)
    w.int(checkIn.commitmentsMade.map { _ in 1 } ?? 0)
    w.double(checkIn.commitmentsMade ?? 0)
    w.int(checkIn.commitmentsKept.map { _ in 1 } ?? 0)
    w.double(checkIn.commitmentsKept ?? 0)
    w.int(checkIn.note == nil ? 0 : 1)
    w.string(checkIn.note ?? "")
    return withLength(w.buffer)
  }

  private static func withLength(_ body: [UInt8]) -> [UInt8] {
    var frame: [UInt8] = []
    frame.reserveCapacity(body.count + 4)
    withUnsafeBytes(of: UInt32(body.count).littleEndian) { frame.append(contentsOf: $0) }
    frame.append(contentsOf: body)
    return frame
  }
}

/// Reads frames back, streaming (one buffer, whatever the file's size).
struct SpillReader {
  private var bytes: UnsafeBufferPointer<UInt8>
  private var index = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  mutating func int() -> Int {
    var value: Int64 = 0
    withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[index..<index + 8]))) }
    index += 8
    return Int(Int64(littleEndian: value))
  }
  mutating func double() -> Double { Double(bitPattern: UInt64(bitPattern: Int64(int()))) }
  mutating func string() -> String {
    let count = int()
    defer { index += count }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + count]), as: UTF8.self)
  }
  mutating func optionalInt() -> Int? {
    let value = int()
    return value == Int(Int64.min) ? nil : value
  }
  mutating func date() -> RecordDate {
    RecordDate(day: LocalDay(dayNumber: int()), secondsOfDay: optionalInt(), utcOffsetSeconds: optionalInt())
  }
  mutating func tags() -> [String: Double] {
    var result: [String: Double] = [:]
    for _ in 0..<int() {
      let key = string()
      result[key] = double()
    }
    return result
  }

  /// The identity written by ``SpillWriter/identity(id:subject:date:source:)``.
  mutating func identity() -> (id: String, subject: String, date: RecordDate, source: SourceLocation) {
    let id = string(), subject = string(), date = date(), file = string(), line = int()
    return (id, subject, date, SourceLocation(file: file, line: line))
  }

  mutating func analyzedRecord() -> AnalyzedRecord {
    let (id, subject, date, source) = identity()
    let kind: AnalyzedKind = int() == 0 ? .entry : .checkinNote
    let words = int(), valence = double(), emotions = tags(), themes = tags()
    var evidence: [Evidence] = []
    for _ in 0..<int() {
      let tag = string(), match = string(), sentence = int(), start = int(), end = int(), weight = double()
      var rules: [String] = []
      for _ in 0..<int() { rules.append(string()) }
      evidence.append(Evidence(tag: tag, match: match, sentence: sentence, start: start, end: end, weight: weight, rules: rules))
    }
    return AnalyzedRecord(
      id: id, subject: subject, date: date, source: source, kind: kind,
      analysis: TextAnalysis(words: words, valence: valence, emotions: emotions, themes: themes, evidence: evidence))
  }

  mutating func checkIn() -> CheckIn {
    let (id, subject, date, source) = identity()
    let held = int() == 1
    let ratings = tags()
    let hasMade = int() == 1, made = double(), hasKept = int() == 1, kept = double()
    let hasNote = int() == 1, note = string()
    return CheckIn(
      id: id, subject: subject, date: date, source: source, held: held, ratings: ratings,
      commitmentsMade: hasMade ? made : nil, commitmentsKept: hasKept ? kept : nil, note: hasNote ? note : nil)
  }

  /// Calls `body` with each frame of the file at `path`, streaming.
  static func forEachFrame(_ path: String, _ body: (inout SpillReader) throws -> Void) throws {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw AtomicFile.WriteError(path: path, reason: "cannot read the spill file") }
    defer { close(fd) }
    var pending: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var start = 0
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 { if errno == EINTR { continue } else { throw AtomicFile.WriteError(path: path, reason: "cannot read the spill file") } }
      if n == 0 { break }
      pending.removeSubrange(0..<start)
      start = 0
      pending.append(contentsOf: chunk[0..<n])
      try pending.withUnsafeBufferPointer { all in
        while all.count - start >= 4 {
          var length: UInt32 = 0
          withUnsafeMutableBytes(of: &length) { $0.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: all[start..<start + 4]))) }
          let size = Int(UInt32(littleEndian: length))
          guard all.count - start - 4 >= size else { break }
          var reader = SpillReader(UnsafeBufferPointer(rebasing: all[start + 4..<start + 4 + size]))
          try body(&reader)
          start += 4 + size
        }
      }
    }
  }
}
