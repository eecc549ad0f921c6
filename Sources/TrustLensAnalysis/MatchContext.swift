/// The rule context of one match: what the words around it do to its meaning.
///
/// A fitted model weighs a pattern separately in each context (`safe` plain, `safe` negated,
/// `safe` in someone else's clause…), backing off to the pattern's plain weight times a
/// multiplier fitted per tag and context. Each match has exactly one context: the first of
/// these, in this order, that applies.
package enum MatchContext: UInt8, CaseIterable, Sendable {
  /// The nearest person word before the match (same clause, up to 6 words) names someone
  /// other than the writer and a state verb stands between them (or opens the match): "he
  /// looks nervous", "she was so angry", "to make her feel hurt" — but not "he lied to me",
  /// where the other person acts on the writer; or the match opens with a feeling verb right
  /// after an other person's word: "he resents his father", "his fears".
  case other
  /// A resolved-state word follows it in its clause: "not angry anymore".
  case resolved
  /// A negator up to three words before it, or an after-negator up to two words after it, in
  /// its clause: "I don't feel safe", "I trust him less".
  case negation
  /// The sentence opens with an irony marker and a clause break: "Sure, I totally trust him".
  case irony
  /// A past marker up to four words before it: "I used to feel safe".
  case past
  /// Its sentence is a question.
  case question
  /// A hedge up to two words before it, or a doubt word up to eight before it, in its clause:
  /// "maybe", "I'm not sure I can trust him", "whether I can trust her".
  case hedge
  /// A softener up to two words before it: "a bit hurt".
  case softener
  /// It stands in a clause before its sentence's contrast word: "I was hurt, but…".
  case contrast
  /// An intensifier up to two words before it, or capitals: "so angry", "LIED".
  case intensifier
  /// None of the above.
  case plain

  /// The name in fitted model files and in evidence (`negation`, `other`, …).
  package var name: String {
    switch self {
    case .other: "other"
    case .resolved: "resolved"
    case .negation: "negation"
    case .irony: "irony"
    case .past: "past"
    case .question: "question"
    case .hedge: "hedge"
    case .softener: "softener"
    case .contrast: "contrast"
    case .intensifier: "intensifier"
    case .plain: "plain"
    }
  }

  init?(name: String) {
    guard let context = MatchContext.allCases.first(where: { $0.name == name }) else { return nil }
    self = context
  }

  static let count = MatchContext.allCases.count
}

extension Analyzer {
  /// The context of the match covering tokens `first...last`.
  func context(
    first: Int, last: Int, tokens: UnsafeBufferPointer<Token>, sentences: [SentenceInfo]
  ) -> MatchContext {
    if isOtherPerson(before: first, tokens: tokens) { return .other }
    if isResolved(after: last, tokens: tokens) { return .resolved }
    if hasNegator(before: first, tokens: tokens) || hasAfterNegator(after: last, tokens: tokens) { return .negation }
    let sentence = sentences[Int(tokens[first].sentence)]
    if isIronic(sentence, before: first, tokens: tokens) { return .irony }
    let modifiers = modifiers(before: first, tokens: tokens)
    if modifiers.contains(.past) { return .past }
    if sentence.isQuestion { return .question }
    if !modifiers.isDisjoint(with: [.hedge, .doubt]) { return .hedge }
    if modifiers.contains(.softener) { return .softener }
    if sentence.concedes(clause: tokens[first].clause) { return .contrast }
    if modifiers.contains(.intensifier) || (first...last).contains(where: { tokens[$0].isShouted }) {
      return .intensifier
    }
    return .plain
  }

  /// Whether the nearest self or other word before `position` (same clause, up to six words)
  /// is an other word with a state verb after it: at `position`, between the two, or inside
  /// the other word (`she's`); or whether a feeling verb at `position` has an other word right
  /// before it ("he resents his father", `rules.tsv` `feeling`).
  func isOtherPerson(before position: Int, tokens: UnsafeBufferPointer<Token>) -> Bool {
    let clause = tokens[position].clause
    if tokens[position].classes.contains(.feelingVerb), isRightAfterOtherPerson(position, tokens: tokens) { return true }
    var state = tokens[position].classes.contains(.stateVerb)
    var index = position - 1
    while index >= 0, index >= position - 6, tokens[index].clause == clause {
      let classes = tokens[index].classes
      if classes.contains(.selfWord) { return false }
      if classes.contains(.otherWord) { return state || classes.contains(.stateVerb) }  // "she's upset"
      if classes.contains(.stateVerb) { state = true }
      index -= 1
    }
    return false
  }

  /// Whether an other word stands right before `position` in its clause, or with one adverb
  /// or modifier word between (`she still hates`, `he really resents`): the subject of a
  /// feeling verb. Only the nearest words count, so "his drinking worries me" stays the writer's.
  private func isRightAfterOtherPerson(_ position: Int, tokens: UnsafeBufferPointer<Token>) -> Bool {
    let clause = tokens[position].clause
    var index = position - 1
    guard index >= 0, tokens[index].clause == clause else { return false }
    let between = tokens[index]
    if !between.classes.contains(.otherWord), !between.modifierEnds.isEmpty || !between.classes.isDisjoint(with: [.adverb, .negator]) {
      index -= 1
      guard index >= 0, tokens[index].clause == clause else { return false }
    }
    return tokens[index].classes.contains(.otherWord)
  }

  private func hasAfterNegator(after last: Int, tokens: UnsafeBufferPointer<Token>) -> Bool {
    let clause = tokens[last].clause
    var index = last + 1
    while index < tokens.count, index <= last + 2, tokens[index].clause == clause {
      if tokens[index].classes.contains(.afterNegator) { return true }
      index += 1
    }
    return false
  }

  /// Whether the sentence opens with an irony marker that ends its clause, before `position`.
  func isIronic(_ sentence: SentenceInfo, before position: Int, tokens: UnsafeBufferPointer<Token>) -> Bool {
    let start = Int(sentence.firstToken)
    guard start < position, tokens[start].classes.contains(.startsIrony) else { return false }
    for words in compiled.irony where start + words.count <= position {
      guard zip(words, tokens[start..<start + words.count]).allSatisfy({ $0 == $1.id }) else { continue }
      // The marker stands alone ("Sure, I trust him"), not in a clause ("sure I trust him").
      if tokens[start + words.count].clause != tokens[start].clause { return true }
    }
    return false
  }
}
