/// A text split into tokens and sentences.
struct TokenizedText {
  var tokens: [Token] = []
  var sentences = [SentenceInfo()]
  /// Stem ids of all tokens (see `Token.stemStart`).
  var stems: [Int32] = []
  /// How many tokens are words.
  var wordCount = 0

  /// Empties the text for reuse, keeping the buffers' memory.
  mutating func reset() {
    tokens.removeAll(keepingCapacity: true)
    sentences.removeAll(keepingCapacity: true)
    sentences.append(SentenceInfo())
    stems.removeAll(keepingCapacity: true)
    wordCount = 0
  }
}
