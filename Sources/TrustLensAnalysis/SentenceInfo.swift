/// Facts about one sentence that rules need.
struct SentenceInfo: Sendable {
  var exclamations: Int32 = 0
  var isQuestion = false
  /// The clause of the sentence's last contrast word (`but`), or -1.
  var contrastClause: Int32 = -1
  /// The index of the sentence's first token.
  var firstToken: Int32 = 0
}
