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
  /// where the other person acts on the writer; or the match opens with someone else's feeling
  /// verb: "he resents his father", "his fears", "Jake hates it" (`rules.tsv` `feeling`, `feels`,
  /// `caused`, `shared`).
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
  /// the other word (`she's`); or whether a feeling verb at `position` is someone else's
  /// (``isSomeoneElsesFeelingVerb(at:tokens:)``: "he resents his father", "Jake hates it").
  func isOtherPerson(before position: Int, tokens: UnsafeBufferPointer<Token>) -> Bool {
    let clause = tokens[position].clause
    if isSomeoneElsesFeelingVerb(at: position, tokens: tokens) { return true }
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

  /// Whether a feeling verb at `position` is someone else's feeling (`rules.tsv` `feeling`,
  /// `feels`): its subject, the word right before it, is an other word ("he resents"), or for
  /// a verb in the third person anything but a self word ("Jake resents", "part of me hates"
  /// stays the writer's) — unless the writer shares it later in the sentence ("they dread the
  /// holidays and so do I"), or a verb that also names a cause has the writer as its object
  /// ("he worries me"). Only the nearest words count, so "his drinking worries me" stays the
  /// writer's.
  private func isSomeoneElsesFeelingVerb(at position: Int, tokens: UnsafeBufferPointer<Token>) -> Bool {
    let classes = tokens[position].classes
    guard !classes.isDisjoint(with: [.feelingVerb, .thirdPersonFeelingVerb]) else { return false }
    if classes.contains(.causedFeelingVerb), position + 1 < tokens.count, tokens[position + 1].clause == tokens[position].clause,
      tokens[position + 1].classes.contains(.selfWord)
    {
      return false
    }
    let subject = subject(of: position, tokens: tokens)?.classes ?? []
    let isOthers = classes.contains(.thirdPersonFeelingVerb) ? !subject.contains(.selfWord) : subject.contains(.otherWord)
    return isOthers && !isShared(after: position, tokens: tokens)
  }

  /// The word right before `position` in its clause, skipping up to two adverbs, auxiliaries,
  /// negators or modifier words there (`she still hates`, `he really resents`, `he has always
  /// resented`, `she doesn't really trust`): a feeling verb's subject; nil when the clause
  /// starts first.
  private func subject(of position: Int, tokens: UnsafeBufferPointer<Token>) -> Token? {
    let clause = tokens[position].clause
    var index = position - 1
    var skipped = 0
    while index >= 0, tokens[index].clause == clause {
      let word = tokens[index]
      let mayStandBetween = word.classes.isDisjoint(with: [.otherWord, .selfWord])
        && (!word.modifierEnds.isEmpty || !word.classes.isDisjoint(with: [.adverb, .negator]))
      guard mayStandBetween, skipped < 2 else { return word }
      skipped += 1
      index -= 1
    }
    return nil
  }

  /// Whether words that share a feeling with the writer (`so do i`, `me too`) follow
  /// `position` in its sentence.
  private func isShared(after position: Int, tokens: UnsafeBufferPointer<Token>) -> Bool {
    let sentence = tokens[position].sentence
    var start = position + 1
    while start < tokens.count, tokens[start].sentence == sentence {
      if tokens[start].classes.contains(.startsShared), compiled.shared.contains(where: { spells($0, at: start, tokens: tokens) }) {
        return true
      }
      start += 1
    }
    return false
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
      guard spells(words, at: start, tokens: tokens) else { continue }
      // The marker stands alone ("Sure, I trust him"), not in a clause ("sure I trust him").
      if tokens[start + words.count].clause != tokens[start].clause { return true }
    }
    return false
  }
}
