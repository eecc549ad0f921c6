import Foundation
import TrustLensCore

/// The lexicon file formats TrustLens reads.
package enum LexiconFormat: String, Sendable {
  /// The project's own TSV: `pattern<TAB>tag<TAB>weight`.
  case trustlens
  /// LIWC-style `.dic`: a `%`-delimited category table, then `word[*]<TAB>id id …`.
  case liwc
  /// The NRC emotion lexicon's word-level file: `word<TAB>emotion<TAB>0|1`.
  case nrc
  /// VADER's lexicon: `token<TAB>mean<TAB>sd<TAB>[ratings]`.
  case vader

  static let nrcNames: Set<String> = [
    "anger", "anticipation", "disgust", "fear", "joy", "negative", "positive", "sadness", "surprise", "trust",
  ]

  /// Decides from the extension (`.dic`) and the first data line.
  package static func detect(path: String, text: String) -> LexiconFormat {
    if path.lowercased().hasSuffix(".dic") { return .liwc }
    for line in text.utf8.split(separator: UInt8(ascii: "\n"), maxSplits: 50).prefix(50).map(Substring.init) {
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      if trimmed == "%" { return .liwc }
      let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      if columns.count == 4, columns[3].hasPrefix("[") { return .vader }
      if columns.count == 3, nrcNames.contains(columns[1]), columns[2] == "0" || columns[2] == "1" { return .nrc }
      return .trustlens
    }
    return .trustlens
  }
}

extension Lexicon {
  /// Whether `name` can name a tag: letters, digits, `-` and `_` only, as in the TrustLens
  /// TSV format (so no control, escape or bidirectional character ever names a category).
  static func isTagName(_ name: String) -> Bool {
    guard !name.isEmpty else { return false }
    func isTagByte(_ byte: UInt8) -> Bool {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "_"):
        return true
      default: return false
      }
    }
    // ASCII names (every built-in tag) byte by byte; letters and digits of any script otherwise.
    if name.utf8.allSatisfy({ $0 < 0x80 }) { return name.utf8.allSatisfy(isTagByte) }
    return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
  }

  /// LIWC categories become tags of the same name (weight 0.6; a `*` word is a stem).
  mutating func addLIWC(text: String, file: String) throws(LexiconError) {
    var categories: [String: String] = [:]
    var section = 0
    try Lexicon.forEachLine(text) { (rawLine, number) throws(LexiconError) in
      let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty { return }
      if line == "%" {
        section += 1
        return
      }
      let parts = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
      if section == 1 {
        guard parts.count >= 2 else { throw LexiconError(file: file, line: number, reason: "expected a category number and name") }
        let name = parts[1].lowercased()
        guard Lexicon.isTagName(name) else {
          throw LexiconError(
            file: file, line: number,
            reason: "invalid category name \"\(TerminalText.escaped(String(parts[1].prefix(40))))\" (letters, digits, - and _ only)")
        }
        categories[parts[0]] = name
        return
      }
      guard section >= 2 else { throw LexiconError(file: file, line: number, reason: "a LIWC dictionary starts with a % line") }
      guard parts.count >= 2, let pattern = Pattern(parts[0]) else {
        throw LexiconError(file: file, line: number, reason: "expected a word and at least one category number")
      }
      for id in parts.dropFirst() {
        guard let category = categories[id] else {
          throw LexiconError(file: file, line: number, reason: "category \(id) is not declared in the header")
        }
        addTagPattern(pattern, tag: category, weight: 0.6, line: "\(file)\t\(line)\t\(category)")
      }
    }
    if section < 2 { throw LexiconError(file: file, line: nil, reason: "no word section (expected two % lines)") }
  }

  /// NRC emotions become tags where the taxonomy has a counterpart (anger → anger,
  /// sadness → sadness, fear → anxiety, trust → safety); the others keep their name as a
  /// custom category (`nrc-joy`); `positive` / `negative` add valence ±1.5.
  mutating func addNRC(text: String, file: String) throws(LexiconError) {
    let mapping = ["anger": "anger", "sadness": "sadness", "fear": "anxiety", "trust": "safety"]
    try Lexicon.forEachRow(text, file: file) { (columns, line) throws(LexiconError) in
      guard columns.count == 3, let pattern = Pattern(columns[0]) else {
        throw LexiconError(file: file, line: line, reason: "expected word, emotion and 0 or 1")
      }
      let emotion = Lexicon.trimmed(columns[1])
      guard LexiconFormat.nrcNames.contains(emotion) else {
        throw LexiconError(file: file, line: line, reason: "unknown NRC emotion \"\(emotion)\"")
      }
      guard columns[2] == "0" || columns[2] == "1" else {
        throw LexiconError(file: file, line: line, reason: "association must be 0 or 1")
      }
      guard columns[2] == "1" else { return }
      let record = "\(file)\t\(columns.joined(separator: "\t"))"
      switch emotion {
      case "positive": addValencePattern(pattern, score: 1.5, line: record)
      case "negative": addValencePattern(pattern, score: -1.5, line: record)
      default: addTagPattern(pattern, tag: mapping[emotion] ?? "nrc-\(emotion)", weight: 0.5, line: record)
      }
    }
  }

  /// VADER's mean ratings become valence scores (its scale is the same, −4…4).
  mutating func addVADER(text: String, file: String) throws(LexiconError) {
    try Lexicon.forEachRow(text, file: file) { (columns, line) throws(LexiconError) in
      guard columns.count >= 2, let score = Double(Lexicon.trimmed(columns[1])), (-4...4).contains(score) else {
        throw LexiconError(file: file, line: line, reason: "expected a token and a mean rating in [-4, 4]")
      }
      let token = columns[0].lowercased()
      guard let pattern = Pattern(token.replacingOccurrences(of: "*", with: "")) else {
        throw LexiconError(file: file, line: line, reason: "empty token")
      }
      addValencePattern(pattern, score: score, line: "\(file)\t\(columns[0])\t\(columns[1])")
    }
  }
}
