public import TrustLensCore

/// Tags a text with emotions and themes, scores its valence and keeps the evidence.
///
/// A pure function of (text, lexicon): the same inputs always give the same analysis, so it
/// can run in parallel and be cached by content. Rules, in order:
/// 1. Longest-first pattern matching per sentence (a match never crosses a sentence end).
/// 2. Negation: a negator up to three words before a match in the same clause turns a
///    `flip` tag into its opposite (`safe` → `insecurity`) and drops any other tag.
/// 3. Resolved states: `anymore`, `any longer` right after a match drop it; `used to`
///    before it weakens it (`past`).
/// 4. Intensifiers, softeners and hedges just before a match scale its weight.
/// 5. Emphasis: a match written in capitals is strengthened.
/// Tag intensity combines a tag's matches as 1 − Π(1 − wᵢ), in (0, 1].
public struct Analyzer: Sendable {
  public let lexicon: Lexicon
  let compiled: CompiledLexicon
  let tokenizer: Tokenizer

  public init(lexicon: Lexicon) {
    self.lexicon = lexicon
    let compiled = CompiledLexicon(lexicon)
    self.compiled = compiled
    self.tokenizer = Tokenizer(
      vocabulary: compiled.vocabulary, redirects: compiled.redirectTable, startsClause: compiled.startsClause)
  }

  /// Analyses `text`. Intensities and valence are rounded to 3 decimals, so every output
  /// shows the same numbers.
  public func analyze(_ text: String) -> TextAnalysis {
    let tokenized = tokenizer.tokenize(text)
    let tokens = tokenized.tokens
    let matches = tagMatches(tokenized)
    var evidence: [Evidence] = []
    var combined: [String: Double] = [:]
    for match in matches {
      let start = tokens[match.first].start, end = tokens[match.last].end
      let text = String(decoding: tokenized.bytes[tokens[match.first].byteStart..<tokens[match.last].byteEnd], as: UTF8.self)
      evidence.append(
        Evidence(
          tag: match.tag, match: text,
          sentence: tokens[match.first].sentence + 1, start: start, end: end,
          weight: Analyzer.round(match.weight), rules: match.rules))
      combined[match.tag] = 1 - (1 - (combined[match.tag] ?? 0)) * (1 - min(match.weight, 1))
    }
    var emotions: [String: Double] = [:]
    var themes: [String: Double] = [:]
    for (tag, value) in combined {
      let intensity = max(Analyzer.round(value), 0.001)
      if lexicon.kind(of: tag) == .emotion { emotions[tag] = intensity } else { themes[tag] = intensity }
    }
    let valence = valence(tokenized, tagMatches: matches)
    return TextAnalysis(
      words: tokens.lazy.filter(\.isWord).count, valence: Analyzer.round(valence),
      emotions: emotions, themes: themes, evidence: evidence)
  }

  static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// One tag match after the rules ran.
struct TagMatch {
  var tag: String
  var first: Int
  var last: Int
  var weight: Double
  var rules: [String]
}

extension Analyzer {
  /// Matches tag patterns longest-first and applies the rules to each match.
  func tagMatches(_ tokenized: TokenizedText) -> [TagMatch] {
    let tokens = tokenized.tokens
    var result: [TagMatch] = []
    var position = 0
    var found: [Int32] = []
    var scratch = MatchScratch()
    while position < tokens.count {
      let length = compiled.tags.longest(in: tokens, stems: tokenized.stems, at: position, into: &found, scratch: &scratch)
      guard length > 0, !found.isEmpty else {
        position += 1
        continue
      }
      let hits = found.flatMap { compiled.tags.values[Int($0)] }
      let last = position + length - 1
      for hit in hits {
        if let match = applyRules(to: hit, first: position, last: last, tokens: tokens) {
          // The same tag twice from one span (two patterns) counts once, at its strongest.
          if let index = result.firstIndex(where: { $0.tag == match.tag && $0.first == position }) {
            if result[index].weight < match.weight { result[index] = match }
          } else {
            result.append(match)
          }
        }
      }
      position += length
    }
    return result
  }

  private func applyRules(
    to hit: Lexicon.TagHit, first: Int, last: Int, tokens: [Token]
  ) -> TagMatch? {
    var match = TagMatch(tag: hit.tag, first: first, last: last, weight: hit.weight, rules: [])
    let rules = compiled
    if isResolved(after: last, tokens: tokens) { return nil }
    if negator(before: first, tokens: tokens) != nil {
      guard let opposite = rules.flips[hit.tag] else { return nil }
      match.tag = opposite
      match.weight *= 0.8
      match.rules.append("negation")
    }
    for (name, modifiers) in [
      ("past", rules.past), ("intensifier", rules.intensifiers), ("softener", rules.softeners),
      ("hedge", rules.hedges),
    ] {
      if let factor = modifier(modifiers, before: first, tokens: tokens, window: name == "past" ? 4 : 2) {
        match.weight *= factor
        match.rules.append(name)
      }
    }
    if tokens[first...last].contains(where: \.isShouted) {
      match.weight *= 1.2
      match.rules.append("emphasis")
    }
    match.weight = min(max(match.weight, 0.01), 1)
    return match
  }

  /// The index of a negator up to three words before `position` in the same clause.
  func negator(before position: Int, tokens: [Token]) -> Int? {
    let clause = tokens[position].clause
    var index = position - 1
    while index >= 0, index >= position - 3, tokens[index].clause == clause {
      if compiled.negates(tokens[index]) { return index }
      index -= 1
    }
    return nil
  }

  /// True when a resolved-state word (`anymore`) follows the match in its clause.
  private func isResolved(after last: Int, tokens: [Token]) -> Bool {
    let clause = tokens[last].clause
    for words in compiled.resolved {
      for start in (last + 1)..<min(last + 4, tokens.count) where tokens[start].clause == clause {
        if start + words.count <= tokens.count,
          zip(words, tokens[start..<start + words.count]).allSatisfy({ $0 == $1.id })
        {
          return true
        }
      }
    }
    return false
  }

  /// The factor of a modifier ending within `window` words before `position`, same clause.
  func modifier(_ modifiers: CompiledLexicon.ModifierSet, before position: Int, tokens: [Token], window: Int) -> Double? {
    let clause = tokens[position].clause
    var end = position - 1
    while end >= 0, end >= position - window {
      if tokens[end].id >= 0 {
        for modifier in modifiers.ending(with: tokens[end].id) {
          let start = end - modifier.words.count + 1
          guard start >= 0, tokens[start].clause == clause, tokens[end].clause == clause else { continue }
          var same = true
          for (offset, word) in modifier.words.enumerated() where tokens[start + offset].id != word {
            same = false
            break
          }
          if same { return modifier.factor }
        }
      }
      end -= 1
    }
    return nil
  }
}
