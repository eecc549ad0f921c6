/// The words that produced a tag, so a person can check it.
package struct Evidence: Sendable, Hashable, Codable {
  /// The tag this evidence supports.
  package var tag: String
  /// The matched text exactly as written.
  package var match: String
  /// 1-based index of the sentence holding the match.
  package var sentence: Int
  /// Character offsets (Unicode scalars) of the match in the analysed text, half-open.
  package var start: Int
  package var end: Int
  /// The weight this match contributed, after rules, in (0, 1].
  package var weight: Double
  /// The rules that changed the match (`negation`, `intensifier`, …); empty when none.
  package var rules: [String]

  package init(
    tag: String, match: String, sentence: Int, start: Int, end: Int, weight: Double,
    rules: [String] = []
  ) {
    self.tag = tag
    self.match = match
    self.sentence = sentence
    self.start = start
    self.end = end
    self.weight = weight
    self.rules = rules
  }
}
