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
  /// Doubt words (`whether`, `not sure`): hedges whose scope is the rest of the clause.
  var doubts: [Modifier] = []
  var past: [Modifier] = []
  /// Words after a match that negate it (`less`: "I trust him less").
  var afterNegators: Set<String> = []
  /// Sentence openings that mark what follows as ironic (`sure`, `yeah right`).
  var irony: [[String]] = []
  /// The writer (`i`, `me`) and other people (`he`, `her`, `my husband`'s `husband`): the
  /// nearer of them before a match says whose feeling it is.
  var selfWords: Set<String> = []
  var otherWords: Set<String> = []
  /// Verbs that say what state someone is in (`is`, `looks`, `feel`): an other word followed
  /// by one of them before a match makes the match that person's feeling ("he looks
  /// nervous"), while an other word acting on the writer does not ("he lied to me").
  var stateVerbs: Set<String> = []
  /// Verbs whose subject is the one who feels (`resents`, `fears`, `trusts`): right after an
  /// other word they are that person's feeling ("he resents his father").
  var feelingVerbs: Set<String> = []
  /// Feeling verbs that also name what causes the feeling in their object (`worries`): the
  /// writer's when a self word follows ("he worries me").
  var causedFeelingVerbs: Set<String> = []
  /// Feeling verbs in the third person (`resents`, `hates`): someone else's feeling unless
  /// a self word stands right before them ("part of me hates him").
  var thirdPersonFeelingVerbs: Set<String> = []
  /// Words that may stand between a person and a feeling verb (`still`: "she still hates me").
  var adverbs: Set<String> = []
  /// Words after someone else's feeling verb that make it the writer's too (`so do i`).
  var shared: [[String]] = []
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
    case "intensifier", "softener", "hedge", "doubt", "past":
      try need(3)
      let modifier = Modifier(words: try words(columns[1]), factor: try number(columns[2]))
      switch columns[0] {
      case "intensifier": intensifiers.append(modifier)
      case "softener": softeners.append(modifier)
      case "hedge": hedges.append(modifier)
      case "doubt": doubts.append(modifier)
      default: past.append(modifier)
      }
    case "after-negator", "self", "other", "state", "feeling", "caused", "feels", "adverb":
      try need(2)
      let word = try words(columns[1])
      guard word.count == 1 else { throw fail("\(columns[0]) takes one word, found \(word.count)") }
      switch columns[0] {
      case "after-negator": afterNegators.insert(word[0])
      case "self": selfWords.insert(word[0])
      case "state": stateVerbs.insert(word[0])
      case "feeling": feelingVerbs.insert(word[0])
      case "adverb": adverbs.insert(word[0])
      case "feels": thirdPersonFeelingVerbs.insert(word[0])
      case "caused": causedFeelingVerbs.insert(word[0])
      default: otherWords.insert(word[0])
      }
    case "irony":
      try need(2)
      irony.append(try words(columns[1]))
    case "shared":
      try need(2)
      shared.append(try words(columns[1]))
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
