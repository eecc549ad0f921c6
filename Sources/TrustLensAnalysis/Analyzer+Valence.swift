extension Analyzer {
  /// Overall tone in [-1, 1].
  ///
  /// Valence words score in [-4, 4] (the fitted model's scores, else `valence.tsv`'s); a
  /// negated word counts −0.74 of its score; intensifiers, softeners, past markers and
  /// capitals scale it; a clause after a contrast word (`but`) counts 1.5 times and the
  /// clauses before it in the sentence 0.5 times; a question counts half; `!` adds emphasis in
  /// the sentence's direction. With a fitted model each tag adds its valence weight times its
  /// probability (in a text with words) — a ``Lexicon/negativeOnlyEmotions`` emotion with its
  /// reported intensity where hand-weighted matches gave it more; without one, hand-weighted tag matches whose words
  /// carry no valence add their tag's polarity times their weight. A sentence marked in
  /// `workspace.negativeSentence` (it holds a ``Lexicon/negativeOnlyEmotions`` emotion of the
  /// writer's) counts at most 0. The sum S is normalised as
  /// S / √(S² + scale), scale the
  /// model's `valence-scale` (15 without a model). `recorder` is told every term.
  func valence<Recorder: ValenceRecorder>(
    tokens: UnsafeBufferPointer<Token>, stems: UnsafeBufferPointer<Int32>, sentences: [SentenceInfo], words: Int,
    tagMatches: [TagMatch], workspace: inout AnalysisWorkspace, recorder: inout Recorder
  ) -> Double {
    workspace.perSentence.append(contentsOf: repeatElement(0, count: sentences.count))
    workspace.covered.append(contentsOf: repeatElement(false, count: tokens.count))
    func clauseWeight(_ token: Token) -> Double {
      let sentence = sentences[Int(token.sentence)]
      guard sentence.contrastClause >= 0 else { return 1 }
      return sentence.concedes(clause: token.clause) ? 0.5 : 1.5
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
      let pattern = workspace.scratch.found[0]
      let base = compiled.valence.values[Int(pattern)]
      var factor = 1.0
      var rules: ValenceRules = []
      if hasNegator(before: position, tokens: tokens) {
        factor *= -0.74
        rules.insert(.negation)
      }
      let modifiers = modifiers(before: position, tokens: tokens)
      if modifiers.contains(.intensifier), let scale = modifier(compiled.intensifiers, before: position, tokens: tokens) {
        factor *= scale
        rules.insert(.intensifier)
      }
      if modifiers.contains(.softener), let scale = modifier(compiled.softeners, before: position, tokens: tokens) {
        factor *= scale
        rules.insert(.softener)
      }
      if modifiers.contains(.past), let scale = modifier(compiled.past, before: position, tokens: tokens) {
        factor *= scale
        rules.insert(.past)
      }
      if tokens[position].isShouted {
        factor *= 1.2
        rules.insert(.emphasis)
      }
      let weight = clauseWeight(tokens[position])
      if weight != 1 { rules.insert(weight > 1 ? .afterContrast : .beforeContrast) }
      factor *= weight
      let score = base * factor
      for index in position..<position + length { workspace.covered[index] = true }
      workspace.perSentence[Int(tokens[position].sentence)] += score
      if Recorder.records {
        recorder.word(pattern: pattern, first: position, last: position + length - 1, base: base, factor: factor, rules: rules)
      }
      position += length
    }
    for match in tagMatches where !workspace.covered[Int(match.first)...Int(match.last)].contains(true) {
      let polarity = compiled.tagPolarity[Int(match.tag)]
      guard polarity != 0 else { continue }
      let first = tokens[Int(match.first)]
      let score = polarity * match.weight * clauseWeight(first)
      workspace.perSentence[Int(first.sentence)] += score
      if Recorder.records { recorder.tagMatch(match, score: score) }
    }
    var total = 0.0
    for (index, sentence) in sentences.enumerated() {
      var score = workspace.perSentence[index]
      if sentence.isQuestion { score *= 0.5 }
      if sentence.exclamations > 0, score != 0 {
        let emphasis = (score > 0 ? 1 : -1) * 0.292 * Double(min(sentence.exclamations, 4))
        score += emphasis
        if Recorder.records { recorder.exclamation(sentence: index, score: emphasis) }
      }
      if score > 0, workspace.negativeSentence[index] {
        if Recorder.records { recorder.negativeOnly(sentence: index, score: -score) }
        score = 0
      }
      if Recorder.records { recorder.sentence(index, sum: workspace.perSentence[index], score: score, question: sentence.isQuestion) }
      total += score
    }
    let model = compiled.model
    // A text without words (emoji, punctuation) gets no tag terms: the biases alone would give
    // every empty text the same small tone.
    if !model.isEmpty, words > 0 {
      for tag in model.scoredTags where model.valenceWeight[Int(tag)] != 0 {
        let probability = Analyzer.probability(workspace.scores[Int(tag)])
        let reported = compiled.tagIsNegativeOnly[Int(tag)] && workspace.combined[Int(tag)] > probability
        let share = reported ? workspace.combined[Int(tag)] : probability
        let score = model.valenceWeight[Int(tag)] * share
        total += score
        if Recorder.records { recorder.tag(tag, probability: probability, reported: reported ? share : nil, score: score) }
      }
    }
    let scale = model.isEmpty ? 15 : model.valenceScale
    return total / (total * total + scale).squareRoot()
  }
}
