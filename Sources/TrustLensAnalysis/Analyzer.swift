package import TrustLensCore

/// Tags a text with emotions and themes, scores its valence and keeps the evidence.
///
/// A pure function of (text, lexicon): the same inputs always give the same analysis, so it
/// can run in parallel and be cached by content.
///
/// With a fitted model (the built-in default, see ``FittedModel``): every feature pattern is
/// matched longest-first per sentence (a match never crosses a sentence end), each match
/// gets its ``MatchContext`` (someone else's, resolved, negated, ironic, past, question,
/// hedged, softened, conceded before `but`, intensified, or plain), and each tag's score sums
/// the fitted weights of the text's features in their contexts; a tag is present when its
/// probability σ(score) reaches the tag's threshold, with that probability as intensity.
/// Evidence lists the matches that added to a present tag; each one's weight is its share
/// of the tag's intensity (the positive weights of a tag's evidence sum to it).
///
/// Hand-weighted patterns (the hand-written lexicon without a model, custom lexicon files)
/// follow the older rules, in order:
/// 1. Longest-first pattern matching per sentence.
/// 2. Negation: a negator up to three words before a match in the same clause turns a
///    `flip` tag into its opposite (`safe` → `insecurity`) and drops any other tag.
/// 3. Resolved states: `anymore`, `any longer` right after a match drop it; `used to`
///    before it weakens it (`past`). Someone else's feeling ("she feels betrayed", see
///    ``MatchContext/other``) and an ironic one drop an emotion's match.
/// 4. Intensifiers, softeners and hedges just before a match scale its weight.
/// 5. Emphasis: a match written in capitals is strengthened.
/// Their intensity combines a tag's matches as 1 − Π(1 − wᵢ), in (0, 1]; where both a model
/// and hand patterns tag a text, the larger intensity counts.
///
/// Texts longer than ``Tokenizer/maximumBytes`` (1 GiB) are analysed up to that length.
package struct Analyzer: Sendable {
  package let lexicon: Lexicon
  let compiled: CompiledLexicon
  let tokenizer: Tokenizer
  /// The rule names of every set of applied rules, indexed by its raw value, built once so
  /// evidence shares them instead of building an array per match.
  let ruleNames: [[String]]
  /// The evidence rules of a fitted feature in each context (none when plain).
  let contextNames: [[String]] = MatchContext.allCases.map { $0 == .plain ? [] : [$0.name] }

  package init(lexicon: Lexicon) {
    self.lexicon = lexicon
    let compiled = CompiledLexicon(lexicon)
    self.compiled = compiled
    self.tokenizer = Tokenizer(lexicon: compiled)
    self.ruleNames = (0...AppliedRules.all.rawValue).map { AppliedRules(rawValue: $0).names }
  }

  /// Analyses `text`. Intensities and valence are rounded to 3 decimals, so every output
  /// shows the same numbers.
  package func analyze(_ text: String) -> TextAnalysis {
    var workspace = AnalysisWorkspace()
    return analyze(text, reusing: &workspace)
  }

  /// Analyses `text` with buffers kept in `workspace`: a worker analysing many texts in turn
  /// passes the same workspace each time and allocates the buffers once. The result does
  /// not depend on the workspace.
  package func analyze(_ text: String, reusing workspace: inout AnalysisWorkspace) -> TextAnalysis {
    var text = text
    var none = NoValenceRecorder()
    return text.withUTF8 { self.analyze(utf8: $0, workspace: &workspace, recorder: &none) }
  }

  /// Analyses UTF-8 text, telling `recorder` the valence terms; leaves the tokens, matches,
  /// feature hits and scores in `workspace` for ``explain(_:)`` and the feature dump.
  func analyze<Recorder: ValenceRecorder>(
    utf8 bytes: UnsafeBufferPointer<UInt8>, workspace: inout AnalysisWorkspace, recorder: inout Recorder
  ) -> TextAnalysis {
    workspace.prepare()
    tokenizer.tokenize(bytes, into: &workspace.tokenized, word: &workspace.word)
    workspace.tokenized.tokens.withUnsafeMutableBufferPointer { markModifierEnds($0) }
    let tokenized = workspace.tokenized  // read-only from here: shares the buffers
    return tokenized.tokens.withUnsafeBufferPointer { tokens in
      tokenized.stems.withUnsafeBufferPointer { stems in
        let tagCount = compiled.tagNames.count
        workspace.combined.append(contentsOf: repeatElement(0, count: tagCount))
        var evidence: [Evidence] = []
        // Evidence of one span (`walking on eggshells`: anxiety, insecurity) shares its text.
        var span: (first: Int32, last: Int32) = (-1, -1), spanText = ""
        func append(tag: Int32, first: Int32, last: Int32, weight: Double, rules: [String]) {
          if span != (first, last) {
            span = (first, last)
            let start = Int(tokens[Int(first)].byteStart), end = Int(tokens[Int(last)].byteEnd)
            spanText = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
          }
          let firstToken = tokens[Int(first)]
          evidence.append(
            Evidence(
              tag: compiled.tagNames[Int(tag)], match: spanText, sentence: Int(firstToken.sentence) + 1,
              start: Int(firstToken.start), end: Int(tokens[Int(last)].end), weight: Analyzer.round(weight), rules: rules))
        }

        workspace.negativeSentence.append(contentsOf: repeatElement(false, count: tokenized.sentences.count))
        // Whether a match at `first` counts for its sentence's negative-only rule: not when its
        // clause is conceded before the sentence's contrast word.
        func decides(_ first: Token) -> Bool { !tokenized.sentences[Int(first.sentence)].concedes(clause: first.clause) }
        // Hand-weighted patterns (the hand-written lexicon, custom files): 1 − Π(1 − wᵢ).
        tagMatches(
          tokens: tokens, stems: stems, sentences: tokenized.sentences, into: &workspace.matches, scratch: &workspace.scratch)
        for match in workspace.matches {
          append(tag: match.tag, first: match.first, last: match.last, weight: match.weight, rules: ruleNames[Int(match.rules.rawValue)])
          let tag = Int(match.tag)
          if compiled.tagIsNegativeOnly[tag], decides(tokens[Int(match.first)]) {
            workspace.negativeSentence[Int(tokens[Int(match.first)].sentence)] = true
          }
          if workspace.combined[tag] == 0 { workspace.present.append(match.tag) }
          workspace.combined[tag] = 1 - (1 - workspace.combined[tag]) * (1 - min(match.weight, 1))
        }
        // The fitted model: σ(score) where it reaches the threshold; intensity the larger of the two.
        if compiled.model.patternCount > 0 {
          let handEvidence = evidence.count
          scoreModel(tokens: tokens, stems: stems, sentences: tokenized.sentences, words: tokenized.wordCount, workspace: &workspace)
          // The sentence of the strongest feature the model gives a negative-only emotion, not
          // in a clause conceded before `but`.
          var strongest: (weight: Double, sentence: Int32) = (0, -1)
          for hit in workspace.hits where hit.counts {
            for fold in compiled.model.folds(pattern: hit.pattern, context: hit.context) {
              let tag = Int(compiled.model.foldTags[fold]), weight = compiled.model.foldWeights[fold]
              guard weight > 0, workspace.modelIntensity[tag] > 0 else { continue }
              append(
                tag: Int32(tag), first: hit.first, last: hit.last,
                weight: workspace.modelIntensity[tag] * weight / workspace.positive[tag], rules: contextNames[Int(hit.context.rawValue)])
              if compiled.tagIsNegativeOnly[tag], weight > strongest.weight, decides(tokens[Int(hit.first)]) {
                strongest = (weight, tokens[Int(hit.first)].sentence)
              }
            }
          }
          if strongest.sentence >= 0 { workspace.negativeSentence[Int(strongest.sentence)] = true }
          for tag in compiled.model.scoredTags where workspace.modelIntensity[Int(tag)] > 0 {
            if workspace.combined[Int(tag)] == 0 { workspace.present.append(tag) }
            workspace.combined[Int(tag)] = max(workspace.combined[Int(tag)], workspace.modelIntensity[Int(tag)])
          }
          if handEvidence > 0 { evidence.sort { ($0.start, $0.end) < ($1.start, $1.end) } }
        }
        let present = workspace.present
        let emotionCount = present.count { compiled.tagIsEmotion[Int($0)] }
        var emotions = [String: Double](minimumCapacity: emotionCount)
        var themes = [String: Double](minimumCapacity: present.count - emotionCount)
        for tag in present {
          let intensity = max(Analyzer.round(workspace.combined[Int(tag)]), 0.001)
          if compiled.tagIsEmotion[Int(tag)] {
            emotions[compiled.tagNames[Int(tag)]] = intensity
          } else {
            themes[compiled.tagNames[Int(tag)]] = intensity
          }
        }
        let valence = valence(
          tokens: tokens, stems: stems, sentences: tokenized.sentences, words: tokenized.wordCount, tagMatches: workspace.matches,
          workspace: &workspace, recorder: &recorder)
        return TextAnalysis(
          words: tokenized.wordCount, valence: Analyzer.round(valence), emotions: emotions, themes: themes,
          evidence: evidence)
      }
    }
  }

  static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

extension Analyzer {
  /// Matches tag patterns longest-first and applies the rules to each match.
  func tagMatches(
    tokens: UnsafeBufferPointer<Token>, stems: UnsafeBufferPointer<Int32>, sentences: [SentenceInfo],
    into result: inout [TagMatch], scratch: inout MatchScratch
  ) {
    var position = 0
    while position < tokens.count {
      guard compiled.tags.mayStart(with: tokens[position], stems: stems) else {
        position += 1
        continue
      }
      let length = compiled.tags.longest(in: tokens, stems: stems, at: position, scratch: &scratch)
      guard length > 0, !scratch.found.isEmpty else {
        position += 1
        continue
      }
      let last = position + length - 1
      let spanStart = result.count
      for f in 0..<scratch.found.count {
        for hit in compiled.tags.values[Int(scratch.found[f])] {
          guard
            let match = applyRules(
              tag: compiled.hitTags[Int(hit)], weight: compiled.hitWeights[Int(hit)], first: position, last: last, tokens: tokens,
              sentences: sentences)
          else { continue }
          // The same tag twice from one span (two patterns) counts once, at its strongest.
          if let index = result[spanStart...].firstIndex(where: { $0.tag == match.tag }) {
            if result[index].weight < match.weight { result[index] = match }
          } else {
            result.append(match)
          }
        }
      }
      position += length
    }
  }

  private func applyRules(
    tag: Int32, weight: Double, first: Int, last: Int, tokens: UnsafeBufferPointer<Token>, sentences: [SentenceInfo]
  ) -> TagMatch? {
    var match = TagMatch(tag: tag, first: Int32(first), last: Int32(last), weight: weight, rules: [])
    if isResolved(after: last, tokens: tokens) { return nil }
    // Someone else's feeling ("my sister feels so betrayed") and an ironic one are not the
    // writer's emotion (scripts/QUALITY.md), as the fitted model holds them at 0.
    if compiled.tagIsEmotion[Int(tag)],
      isOtherPerson(before: first, tokens: tokens) || isIronic(sentences[Int(tokens[first].sentence)], before: first, tokens: tokens)
    {
      return nil
    }
    if hasNegator(before: first, tokens: tokens) {
      let opposite = compiled.tagFlips[Int(tag)]
      guard opposite >= 0 else { return nil }
      match.tag = opposite
      match.weight *= 0.8
      match.rules.insert(.negation)
    }
    // Called once per set rather than looped over an array of sets: an array literal of
    // modifier sets copies (retains) them all for every match.
    let nearby = modifiers(before: first, tokens: tokens)
    func scale(_ modifiers: CompiledLexicon.ModifierSet, _ rule: AppliedRules) {
      guard nearby.contains(modifiers.kind), let factor = modifier(modifiers, before: first, tokens: tokens) else { return }
      match.weight *= factor
      match.rules.insert(rule)
    }
    scale(compiled.past, .past)
    scale(compiled.intensifiers, .intensifier)
    scale(compiled.softeners, .softener)
    scale(compiled.hedges, .hedge)
    if (first...last).contains(where: { tokens[$0].isShouted }) {
      match.weight *= 1.2
      match.rules.insert(.emphasis)
    }
    match.weight = min(max(match.weight, 0.01), 1)
    return match
  }

  /// Whether a negator stands up to three words before `position` in the same clause.
  func hasNegator(before position: Int, tokens: UnsafeBufferPointer<Token>) -> Bool {
    let clause = tokens[position].clause
    var index = position - 1
    while index >= 0, index >= position - 3, tokens[index].clause == clause {
      if tokens[index].classes.contains(.negator) { return true }
      index -= 1
    }
    return false
  }

  /// True when a resolved-state word (`anymore`) follows the match in its clause.
  func isResolved(after last: Int, tokens: UnsafeBufferPointer<Token>) -> Bool {
    let clause = tokens[last].clause
    for start in (last + 1)..<min(last + 4, tokens.count)
    where tokens[start].clause == clause && tokens[start].classes.contains(.startsResolved) {
      if compiled.resolved.contains(where: { spells($0, at: start, tokens: tokens) }) { return true }
    }
    return false
  }

  /// Whether the tokens from `start` spell `words` (word ids), all of them in one sentence.
  func spells(_ words: [Int32], at start: Int, tokens: UnsafeBufferPointer<Token>) -> Bool {
    guard start + words.count <= tokens.count else { return false }
    let sentence = tokens[start].sentence
    return zip(words, tokens[start..<start + words.count]).allSatisfy { $0 == $1.id && $1.sentence == sentence }
  }
}
