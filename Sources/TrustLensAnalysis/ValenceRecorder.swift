/// Receives the terms of a valence as it is computed (``Analyzer/explain(_:)`` records them;
/// analysis uses ``NoValenceRecorder``, which the compiler removes).
protocol ValenceRecorder {
  static var records: Bool { get }
  /// A valence word (valence pattern `pattern`): its score `base` times `factor` after the rules.
  mutating func word(pattern: Int32, first: Int, last: Int, base: Double, factor: Double, rules: ValenceRules)
  mutating func tagMatch(_ match: TagMatch, score: Double)
  mutating func exclamation(sentence: Int, score: Double)
  mutating func sentence(_ index: Int, sum: Double, score: Double, question: Bool)
  /// A positive sentence holding a negative-only emotion: `score` (its sum negated) takes it to 0.
  mutating func negativeOnly(sentence: Int, score: Double)
  /// A tag's term: `score` is its valence weight times `reported` (a negative-only emotion's
  /// reported intensity, when that is larger) or else `probability`.
  mutating func tag(_ tag: Int32, probability: Double, reported: Double?, score: Double)
}

struct NoValenceRecorder: ValenceRecorder {
  static var records: Bool { false }
  func word(pattern: Int32, first: Int, last: Int, base: Double, factor: Double, rules: ValenceRules) {}
  func tagMatch(_ match: TagMatch, score: Double) {}
  func exclamation(sentence: Int, score: Double) {}
  func sentence(_ index: Int, sum: Double, score: Double, question: Bool) {}
  func negativeOnly(sentence: Int, score: Double) {}
  func tag(_ tag: Int32, probability: Double, reported: Double?, score: Double) {}
}
