extension Analyzer {
  /// Overall tone in [-1, 1].
  ///
  /// Valence words score in [-4, 4]; a negated word counts −0.74 of its score; intensifiers,
  /// softeners and capitals scale it; a clause after a contrast word (`but`) counts 1.5 times
  /// and the clauses before it in the sentence 0.5 times; a question counts half; `!` adds
  /// emphasis in the sentence's direction. Tag matches whose words carry no valence add their
  /// tag's polarity times their weight. The sum S is normalised as S / √(S² + 15).
  func valence(
    tokens: UnsafeBufferPointer<Token>, stems: UnsafeBufferPointer<Int32>, sentences: [SentenceInfo],
    tagMatches: [TagMatch], workspace: inout AnalysisWorkspace
  ) -> Double {
    workspace.perSentence.append(contentsOf: repeatElement(0, count: sentences.count))
    workspace.covered.append(contentsOf: repeatElement(false, count: tokens.count))
    func clauseWeight(_ token: Token) -> Double {
      let pivot = sentences[Int(token.sentence)].contrastClause
      guard pivot >= 0 else { return 1 }
      return token.clause >= pivot ? 1.5 : 0.5
    }

    var position = 0
    while position < tokens.count {
      guard compiled.valence.mayStart(with: tokens[position], stems: stems) else {
        position += 1
        continue
      }
      let length = compiled.valence.longest(in: tokens, stems: stems, at: position, scratch: &workspace.scratch)
      guard length > 0, !workspace.scratch.found.isEmpty else {
        position += 1
        continue
      }
      var score = compiled.valence.values[Int(workspace.scratch.found[0])]
      if hasNegator(before: position, tokens: tokens) { score *= -0.74 }
      if let factor = modifier(compiled.intensifiers, before: position, tokens: tokens, window: 2) { score *= factor }
      if let factor = modifier(compiled.softeners, before: position, tokens: tokens, window: 2) { score *= factor }
      if let factor = modifier(compiled.past, before: position, tokens: tokens, window: 4) { score *= factor }
      if tokens[position].isShouted { score *= 1.2 }
      score *= clauseWeight(tokens[position])
      for index in position..<position + length { workspace.covered[index] = true }
      workspace.perSentence[Int(tokens[position].sentence)] += score
      position += length
    }
    for match in tagMatches where !workspace.covered[Int(match.first)...Int(match.last)].contains(true) {
      let polarity = compiled.tagPolarity[Int(match.tag)]
      guard polarity != 0 else { continue }
      let first = tokens[Int(match.first)]
      workspace.perSentence[Int(first.sentence)] += polarity * match.weight * clauseWeight(first)
    }
    var total = 0.0
    for (index, sentence) in sentences.enumerated() {
      var score = workspace.perSentence[index]
      if sentence.isQuestion { score *= 0.5 }
      if sentence.exclamations > 0, score != 0 {
        score += (score > 0 ? 1 : -1) * 0.292 * Double(min(sentence.exclamations, 4))
      }
      total += score
    }
    return total / (total * total + 15).squareRoot()
  }
}
