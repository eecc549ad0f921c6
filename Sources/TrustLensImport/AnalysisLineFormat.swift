import Foundation
package import TrustLensCore

/// The analysed-line format — the line `trustlens analyze --format jsonl` writes for each
/// analysed record, per the contract — owned in one place: ``encode(_:)`` writes it (for
/// `analyze` and a run's analysis file) and ``read(_:location:)`` reads it back (so `trends` and
/// `run` can assess what a cluster analysed, shards in any order). Both go by one list of
/// field names, ``Key``.
///
/// Emotions and themes are written in taxonomy order (custom categories after, by name),
/// evidence in text order; `author` and `tags` (people's own tags) only when present.
package enum AnalysisLineFormat {
  /// The field names of the line, in the order they are written.
  enum Key {
    static let id = "id", subject = "subject", date = "date", source = "source", kind = "kind"
    static let author = "author", tags = "tags", words = "words", valence = "valence"
    static let emotions = "emotions", themes = "themes", evidence = "evidence"
    /// Only with `analyze --contributions`; not read back.
    static let contributions = "contributions"
    /// The fields of one evidence item.
    enum Evidence {
      static let tag = "tag", match = "match", sentence = "sentence", weight = "weight", start = "start"
      static let end = "end", rules = "rules"
    }
    /// The fields of one valence contribution.
    enum Contribution {
      static let match = "match", sentence = "sentence", start = "start", end = "end", base = "base"
      static let value = "value", rules = "rules"
    }
  }

  /// A word (or hand-weighted match) that moved the valence, and by how much: a term of the
  /// valence sum after every rule, as `explain` shows it.
  package struct Contribution: Sendable, Hashable {
    package var match: String
    /// 1-based sentence; character offsets (Unicode scalars), half-open.
    package var sentence: Int, start: Int, end: Int
    /// The score before the rules, when the match has one.
    package var base: Double?
    /// What it added to the valence sum, signed.
    package var value: Double
    package var rules: [String]

    package init(match: String, sentence: Int, start: Int, end: Int, base: Double?, value: Double, rules: [String]) {
      (self.match, self.sentence, self.start, self.end) = (match, sentence, start, end)
      (self.base, self.value, self.rules) = (base, value, rules)
    }
  }

  /// The keys, encoded once.
  private enum Names {
    static let id = JSONWriter.Name(Key.id), subject = JSONWriter.Name(Key.subject), date = JSONWriter.Name(Key.date)
    static let source = JSONWriter.Name(Key.source), kind = JSONWriter.Name(Key.kind), author = JSONWriter.Name(Key.author)
    static let tags = JSONWriter.Name(Key.tags), words = JSONWriter.Name(Key.words), valence = JSONWriter.Name(Key.valence)
    static let emotions = JSONWriter.Name(Key.emotions), themes = JSONWriter.Name(Key.themes)
    static let evidence = JSONWriter.Name(Key.evidence), contributions = JSONWriter.Name(Key.contributions)
    static let evidenceTag = JSONWriter.Name(Key.Evidence.tag), evidenceMatch = JSONWriter.Name(Key.Evidence.match)
    static let evidenceSentence = JSONWriter.Name(Key.Evidence.sentence), evidenceWeight = JSONWriter.Name(Key.Evidence.weight)
    static let evidenceStart = JSONWriter.Name(Key.Evidence.start), evidenceEnd = JSONWriter.Name(Key.Evidence.end)
    static let evidenceRules = JSONWriter.Name(Key.Evidence.rules)
    static let contributionMatch = JSONWriter.Name(Key.Contribution.match)
    static let contributionSentence = JSONWriter.Name(Key.Contribution.sentence)
    static let contributionStart = JSONWriter.Name(Key.Contribution.start), contributionEnd = JSONWriter.Name(Key.Contribution.end)
    static let contributionBase = JSONWriter.Name(Key.Contribution.base), contributionValue = JSONWriter.Name(Key.Contribution.value)
    static let contributionRules = JSONWriter.Name(Key.Contribution.rules)
  }

  /// One JSON object, with a newline after it when `lineEnd`; with `contributions`, a last
  /// field `"contributions"` lists them in text order (`base` and `rules` only when present).
  package static func encode(_ record: AnalyzedRecord, contributions: [Contribution]? = nil, lineEnd: Bool = false) -> String {
    var json = JSONWriter()
    json.beginObject()
    json.field(Names.id, record.id)
    json.field(Names.subject, record.subject)
    json.field(Names.date, record.date.description)
    json.field(Names.source, record.source.description)
    json.field(Names.kind, record.kind.rawValue)
    if let author = record.author { json.field(Names.author, author) }
    writeList(Names.tags, record.userTags, into: &json)
    json.field(Names.words, record.analysis.words)
    json.field(Names.valence, record.analysis.valence)
    json.key(Names.emotions)
    writeTags(record.analysis.emotions, into: &json)
    json.key(Names.themes)
    writeTags(record.analysis.themes, into: &json)
    json.key(Names.evidence)
    json.beginArray()
    for evidence in record.analysis.evidence {
      json.beginObject()
      json.field(Names.evidenceTag, evidence.tag)
      json.field(Names.evidenceMatch, evidence.match)
      json.field(Names.evidenceSentence, evidence.sentence)
      json.field(Names.evidenceWeight, evidence.weight)
      json.field(Names.evidenceStart, evidence.start)
      json.field(Names.evidenceEnd, evidence.end)
      writeList(Names.evidenceRules, evidence.rules, into: &json)
      json.endObject()
    }
    json.endArray()
    if let contributions { write(contributions, into: &json) }
    json.endObject()
    if lineEnd { json.lineEnd() }
    return json.text
  }

  private static func write(_ contributions: [Contribution], into json: inout JSONWriter) {
    json.key(Names.contributions)
    json.beginArray()
    for contribution in contributions {
      json.beginObject()
      json.field(Names.contributionMatch, contribution.match)
      json.field(Names.contributionSentence, contribution.sentence)
      json.field(Names.contributionStart, contribution.start)
      json.field(Names.contributionEnd, contribution.end)
      if let base = contribution.base { json.field(Names.contributionBase, base) }
      json.field(Names.contributionValue, contribution.value)
      writeList(Names.contributionRules, contribution.rules, into: &json)
      json.endObject()
    }
    json.endArray()
  }

  /// `"key":[…]` for a list that is not empty; nothing for an empty one.
  private static func writeList(_ key: JSONWriter.Name, _ values: [String], into json: inout JSONWriter) {
    guard !values.isEmpty else { return }
    json.key(key)
    json.beginArray()
    for value in values { json.value(value) }
    json.endArray()
  }

  /// `{…}` of tags in taxonomy order (``TagOrder``), values beside them: one array, no
  /// second lookup.
  private static func writeTags(_ tags: [String: Double], into json: inout JSONWriter) {
    json.beginObject()
    if tags.count == 1, let (tag, intensity) = tags.first {
      json.field(tag, intensity)
    } else if tags.count > 1 {
      var entries: [(rank: Int, tag: String, intensity: Double)] = []
      entries.reserveCapacity(tags.count)
      for (tag, intensity) in tags { entries.append((TagOrder.rank(tag), tag, intensity)) }
      entries.sort { TagOrder.precedes(($0.rank, $0.tag), ($1.rank, $1.tag)) }
      for entry in entries { json.field(entry.tag, entry.intensity) }
    }
    json.endObject()
  }

  /// True for an object with the analysis keys (`"emotions":{`, `"kind":`, `"valence":`),
  /// found by a byte scan that stops early, so ordinary journal lines cost almost nothing.
  static func looksAnalyzed(_ bytes: [UInt8]) -> Bool {
    guard bytes.first == UInt8(ascii: "{") else { return false }
    return markers.allSatisfy { contains(bytes, $0) }
  }

  /// What every analysed line holds, as bytes.
  private static let markers: [[UInt8]] = ["\"\(Key.emotions)\":{", "\"\(Key.kind)\":", "\"\(Key.valence)\":"]
    .map { Array($0.utf8) }

  private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
    let count = needle.count
    guard bytes.count >= count else { return false }
    let first = needle[0]
    return bytes.withUnsafeBufferPointer { haystack in
      needle.withUnsafeBufferPointer { needle in
        var index = 0
        let last = haystack.count - count
        while index <= last {
          if haystack[index] == first {
            var offset = 1
            while offset < count && haystack[index + offset] == needle[offset] { offset += 1 }
            if offset == count { return true }
          }
          index += 1
        }
        return false
      }
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

  /// One line read back: an analysed record, or a reject naming the line and why.
  package static func read(_ bytes: [UInt8], location: SourceLocation) -> ImportedRecord {
    // The fast parser reads well-formed lines; Foundation's parser judges the others.
    if let object = FlatJSONParser.parse(bytes), case .object = object { return record(object, location: location) }
    guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
      return .reject(Reject(source: location, reason: "not valid JSON"))
    }
    return record(FieldValue(json: object), location: location)
  }

  private static func record(_ object: FieldValue, location: SourceLocation) -> ImportedRecord {
    func reject(_ reason: String) -> ImportedRecord { .reject(Reject(source: location, reason: reason)) }
    guard let id = object[Key.id]?.string, let subject = object[Key.subject]?.string,
      let dateText = object[Key.date]?.string, let kindText = object[Key.kind]?.string,
      let kind = AnalyzedKind(rawValue: kindText), let words = object[Key.words]?.integer,
      let valence = object[Key.valence]?.number
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
    let emotions = tags(Key.emotions), themes = tags(Key.themes)
    for (tag, intensity) in emotions.merging(themes, uniquingKeysWith: max) where !(0...1).contains(intensity) {
      return reject("intensity \(intensity) of \"\(Excerpt.clean(tag))\" is outside [0, 1]")
    }
    var evidence: [Evidence] = []
    if case .array(let items)? = object[Key.evidence] {
      for item in items {
        guard let tag = item[Key.Evidence.tag]?.string, let match = item[Key.Evidence.match]?.string else { continue }
        var rules: [String] = []
        if case .array(let names)? = item[Key.Evidence.rules] { rules = names.compactMap(\.string) }
        evidence.append(
          Evidence(
            tag: tag, match: match, sentence: item[Key.Evidence.sentence]?.integer ?? 0, start: item[Key.Evidence.start]?.integer ?? 0,
            end: item[Key.Evidence.end]?.integer ?? 0, weight: item[Key.Evidence.weight]?.number ?? 0, rules: rules))
      }
    }
    var userTags: [String] = []
    if case .array(let tags)? = object[Key.tags] { userTags = tags.compactMap(\.string) }
    // The record keeps its original source ("file:line" of the analysed input); a source that
    // names no line (none, or one below 1) is this line's own.
    let source = object[Key.source]?.string.flatMap { text -> SourceLocation? in
      guard let colon = text.lastIndex(of: ":"), let line = Int(text[text.index(after: colon)...]), line >= 1 else { return nil }
      return SourceLocation(file: String(text[..<colon]), line: line)
    } ?? location
    return .analyzed(
      AnalyzedRecord(
        id: id, subject: subject, date: date, source: source, kind: kind,
        analysis: TextAnalysis(words: words, valence: valence, emotions: emotions, themes: themes, evidence: evidence),
        author: object[Key.author]?.string, userTags: userTags))
  }
}
