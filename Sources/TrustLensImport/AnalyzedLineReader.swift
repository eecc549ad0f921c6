import Foundation
import TrustLensCore

/// Reads the lines `trustlens analyze --format jsonl` writes back into analysed records, so
/// `trends` and `run` can assess what a cluster analysed (shards in any order).
enum AnalyzedLineReader {
  /// True for an object with the analysis keys (`"emotions":{`, `"kind":`, `"valence":`),
  /// found by a byte scan that stops early, so ordinary journal lines cost almost nothing.
  static func looksAnalyzed(_ bytes: [UInt8]) -> Bool {
    guard bytes.first == UInt8(ascii: "{") else { return false }
    return contains(bytes, "\"emotions\":{") && contains(bytes, "\"kind\":") && contains(bytes, "\"valence\":")
  }

  private static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
    let count = needle.utf8CodeUnitCount
    guard bytes.count >= count else { return false }
    let first = needle.utf8Start[0]
    return bytes.withUnsafeBufferPointer { haystack in
      var index = 0
      let last = haystack.count - count
      while index <= last {
        if haystack[index] == first {
          var offset = 1
          while offset < count && haystack[index + offset] == needle.utf8Start[offset] { offset += 1 }
          if offset == count { return true }
        }
        index += 1
      }
      return false
    }
  }

  /// Reads many lines at once, in chunks of 64 lines run in parallel (parsing is most of the
  /// time it takes to read analysed shards); the records come back in the lines' order.
  static func read(_ lines: [(bytes: [UInt8], location: SourceLocation)]) -> [ImportedRecord] {
    let chunkSize = 64
    guard lines.count > chunkSize else { return lines.map { read($0.bytes, location: $0.location) } }
    let results = UnsafeMutableBufferPointer<ImportedRecord>.allocate(capacity: lines.count)
    defer { results.deallocate() }
    let slots = Slots(results)
    DispatchQueue.concurrentPerform(iterations: (lines.count + chunkSize - 1) / chunkSize) { chunk in
      for index in chunk * chunkSize..<min(chunk * chunkSize + chunkSize, lines.count) {
        (slots.buffer.baseAddress! + index).initialize(to: read(lines[index].bytes, location: lines[index].location))
      }
    }
    defer { results.deinitialize() }
    return Array(results)
  }

  /// Result slots shared by the chunks: each chunk initialises its own range, and nobody reads
  /// before every chunk is done (hence unchecked Sendable).
  private struct Slots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<ImportedRecord>
    init(_ buffer: UnsafeMutableBufferPointer<ImportedRecord>) { self.buffer = buffer }
  }

  static func read(_ bytes: [UInt8], location: SourceLocation) -> ImportedRecord {
    // The fast parser reads well-formed lines; Foundation's parser judges the others.
    if let object = FlatJSONParser.parse(bytes), case .object = object { return record(object, location: location) }
    guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
      return .reject(Reject(source: location, reason: "not valid JSON"))
    }
    return record(FieldValue(json: object), location: location)
  }

  private static func record(_ object: FieldValue, location: SourceLocation) -> ImportedRecord {
    func reject(_ reason: String) -> ImportedRecord { .reject(Reject(source: location, reason: reason)) }
    guard let id = object["id"]?.string, let subject = object["subject"]?.string,
      let dateText = object["date"]?.string, let kindText = object["kind"]?.string,
      let kind = AnalyzedKind(rawValue: kindText), let words = object["words"]?.integer,
      let valence = object["valence"]?.number
    else { return reject("analysed record without id, subject, date, kind, words or valence") }
    // Ranges the analyzer keeps to; anything else would poison every sum it reaches.
    guard (-1...1).contains(valence) else { return reject("valence \(valence) is outside [-1, 1]") }
    guard words >= 0 else { return reject("words \(words) is negative") }
    guard case .success(let date) = DateParser(timeZone: TimeZone(identifier: "UTC")!).parse(dateText) else {
      return reject("invalid date \"\(Excerpt.clean(dateText))\"")
    }
    /// An object of tag intensities; the last of duplicate keys wins, and a value that is not
    /// a number drops its tag (as Foundation's reading did).
    func tags(_ key: String) -> [String: Double] {
      guard case .object(let members)? = object[key] else { return [:] }
      var tags: [String: Double] = [:]
      for (tag, value) in members { tags[tag] = value.number }
      return tags
    }
    let emotions = tags("emotions"), themes = tags("themes")
    for (tag, intensity) in emotions.merging(themes, uniquingKeysWith: max) where !(0...1).contains(intensity) {
      return reject("intensity \(intensity) of \"\(Excerpt.clean(tag))\" is outside [0, 1]")
    }
    var evidence: [Evidence] = []
    if case .array(let items)? = object["evidence"] {
      for item in items {
        guard let tag = item["tag"]?.string, let match = item["match"]?.string else { continue }
        var rules: [String] = []
        if case .array(let names)? = item["rules"] { rules = names.compactMap(\.string) }
        evidence.append(
          Evidence(
            tag: tag, match: match, sentence: item["sentence"]?.integer ?? 0, start: item["start"]?.integer ?? 0,
            end: item["end"]?.integer ?? 0, weight: item["weight"]?.number ?? 0, rules: rules))
      }
    }
    var userTags: [String] = []
    if case .array(let tags)? = object["tags"] { userTags = tags.compactMap(\.string) }
    // The record keeps its original source ("file:line" of the analysed input).
    let source = object["source"]?.string.flatMap { text -> SourceLocation? in
      guard let colon = text.lastIndex(of: ":"), let line = Int(text[text.index(after: colon)...]) else { return nil }
      return SourceLocation(file: String(text[..<colon]), line: line)
    } ?? location
    return .analyzed(
      AnalyzedRecord(
        id: id, subject: subject, date: date, source: source, kind: kind,
        analysis: TextAnalysis(words: words, valence: valence, emotions: emotions, themes: themes, evidence: evidence),
        author: object["author"]?.string, userTags: userTags))
  }
}
