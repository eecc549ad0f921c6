import Foundation

extension Analyzer {
  /// Overall tone in [-1, 1].
  ///
  /// Valence words score in [-4, 4]; a negated word counts −0.74 of its score; intensifiers,
  /// softeners and capitals scale it; a clause after a contrast word (`but`) counts 1.5 times
  /// and the clauses before it in the sentence 0.5 times; a question counts half; `!` adds
  /// emphasis in the sentence's direction. Tag matches whose words carry no valence add their
  /// tag's polarity times their weight. The sum S is normalised as S / √(S² + 15).
  func valence(_ tokenized: TokenizedText, tagMatches: [TagMatch]) -> Double {
    let tokens = tokenized.tokens, sentences = tokenized.sentences
    let rules = compiled
    var perSentence = [Double](repeating: 0, count: sentences.count)
    var covered = [Bool](repeating: false, count: tokens.count)
    var contrastClause: [Int: Int] = [:]  // sentence -> clause where the contrast starts
    for token in tokens where rules.contrasts(token) {
      contrastClause[token.sentence] = token.clause
    }
    func clauseWeight(_ token: Token) -> Double {
      guard let pivot = contrastClause[token.sentence] else { return 1 }
      return token.clause >= pivot ? 1.5 : 0.5
    }

    var position = 0
    var found: [Int32] = []
    var scratch = MatchScratch()
    while position < tokens.count {
      let length = compiled.valence.longest(in: tokens, stems: tokenized.stems, at: position, into: &found, scratch: &scratch)
      guard length > 0, let first = found.first else {
        position += 1
        continue
      }
      let best = (length: length, value: compiled.valence.values[Int(first)])
      var score = best.value
      if negator(before: position, tokens: tokens) != nil { score *= -0.74 }
      if let factor = modifier(rules.intensifiers, before: position, tokens: tokens, window: 2) { score *= factor }
      if let factor = modifier(rules.softeners, before: position, tokens: tokens, window: 2) { score *= factor }
      if let factor = modifier(rules.past, before: position, tokens: tokens, window: 4) { score *= factor }
      if tokens[position].isShouted { score *= 1.2 }
      score *= clauseWeight(tokens[position])
      for index in position..<position + best.length { covered[index] = true }
      perSentence[tokens[position].sentence] += score
      position += best.length
    }
    for match in tagMatches where !covered[match.first...match.last].contains(true) {
      guard let polarity = rules.polarity[match.tag] else { continue }
      perSentence[tokens[match.first].sentence] += polarity * match.weight * clauseWeight(tokens[match.first])
    }
    var total = 0.0
    for (index, sentence) in sentences.enumerated() {
      var score = perSentence[index]
      if sentence.isQuestion { score *= 0.5 }
      if sentence.exclamations > 0, score != 0 {
        score += (score > 0 ? 1 : -1) * 0.292 * Double(min(sentence.exclamations, 4))
      }
      total += score
    }
    return total / (total * total + 15).squareRoot()
  }
}
