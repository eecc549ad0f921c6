/// Facts about one sentence that rules need.
struct SentenceInfo: Sendable {
  var exclamations: Int32 = 0
  var isQuestion = false
  /// The clause of the sentence's last contrast word (`but`), or -1.
  var contrastClause: Int32 = -1
  /// The index of the sentence's first token.
  var firstToken: Int32 = 0

  /// Whether `clause` (one of this sentence's) comes before its contrast word: what it says
  /// is conceded ("I was hurt, but…").
  func concedes(clause: Int32) -> Bool { contrastClause >= 0 && clause < contrastClause }
}
