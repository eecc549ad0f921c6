import Foundation

/// The closed word classes the analyzer's rules use, loaded from `rules.tsv`.
struct Rules: Sendable {
  /// A modifier of one or more words and its multiplier.
  struct Modifier: Sendable {
    var words: [String]
    var factor: Double
  }

  var negators: Set<String> = []
  var intensifiers: [Modifier] = []
  var softeners: [Modifier] = []
  var hedges: [Modifier] = []
  var past: [Modifier] = []
  var resolved: [[String]] = []
  var contrast: Set<String> = []
  var clauseWords: Set<String> = []
  var flips: [String: String] = [:]
  var polarity: [String: Double] = [:]
  var contractions: [String: String] = [:]

  mutating func add(_ columns: [String], file: String, line: Int) throws(LexiconError) {
    func fail(_ reason: String) -> LexiconError { LexiconError(file: file, line: line, reason: reason) }
    func need(_ count: Int) throws(LexiconError) {
      guard columns.count == count else {
        throw fail("\(columns[0]) takes \(count - 1) value(s), found \(columns.count - 1)")
      }
    }
    func words(_ text: String) throws(LexiconError) -> [String] {
      let words = text.lowercased().split(separator: " ").map(String.init)
      guard !words.isEmpty else { throw fail("\(columns[0]) needs at least one word") }
      return words
    }
    func number(_ text: String) throws(LexiconError) -> Double {
      guard let value = Double(text), value.isFinite else { throw fail("\"\(text)\" is not a number") }
      return value
    }
    switch columns[0] {
    case "negator":
      try need(2)
      negators.insert(columns[1].lowercased())
    case "intensifier", "softener", "hedge", "past":
      try need(3)
      let modifier = Modifier(words: try words(columns[1]), factor: try number(columns[2]))
      switch columns[0] {
      case "intensifier": intensifiers.append(modifier)
      case "softener": softeners.append(modifier)
      case "hedge": hedges.append(modifier)
      default: past.append(modifier)
      }
    case "resolved":
      try need(2)
      resolved.append(try words(columns[1]))
    case "contrast":
      try need(2)
      contrast.insert(columns[1].lowercased())
    case "clause":
      try need(2)
      clauseWords.insert(columns[1].lowercased())
    case "flip":
      try need(3)
      flips[columns[1]] = columns[2]
    case "polarity":
      try need(3)
      polarity[columns[1]] = try number(columns[2])
    case "contraction":
      try need(3)
      contractions[columns[1].lowercased()] = columns[2].lowercased()
    default:
      throw fail("unknown rule kind \"\(columns[0])\"")
    }
  }
}
