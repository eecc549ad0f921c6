import Testing
import TrustLensCore

@testable import TrustLensAnalysis

/// The modifier bits marked once per text must answer every check before a match as walking
/// the modifier lists does: the nearest modifier ending within its kind's window before the
/// position, all of its words in the position's clause, the first in load order there.
@Suite struct ModifierEndsTests {
  /// The modifier lists of `rules.tsv` and their compiled sets, kind by kind.
  static var kinds: [(list: KeyPath<Rules, [Rules.Modifier]>, set: KeyPath<CompiledLexicon, CompiledLexicon.ModifierSet>)] {
    [(\.intensifiers, \.intensifiers), (\.softeners, \.softeners), (\.hedges, \.hedges), (\.past, \.past), (\.doubts, \.doubts)]
  }

  /// Tokens of `text`, with their modifier ends marked.
  func tokens(_ text: String, _ analyzer: Analyzer) -> [Token] {
    var tokenized = TokenizedText(), word = Tokenizer.WordScan()
    var text = text
    text.withUTF8 { analyzer.tokenizer.tokenize($0, into: &tokenized, word: &word) }
    tokenized.tokens.withUnsafeMutableBufferPointer { analyzer.markModifierEnds($0) }
    return tokenized.tokens
  }

  /// The factor the lists give before `position`, by walking them.
  func listed(_ modifiers: [Rules.Modifier], window: Int, before position: Int, tokens: [Token], _ analyzer: Analyzer) -> Double? {
    let clause = tokens[position].clause
    for end in stride(from: position - 1, through: max(0, position - window), by: -1) where tokens[end].clause == clause {
      for modifier in modifiers {
        let start = end - modifier.words.count + 1
        guard start >= 0, tokens[start].clause == clause else { continue }
        let ids = modifier.words.map { analyzer.compiled.vocabulary.id($0) ?? -2 }
        if zip(ids, tokens[start...end]).allSatisfy({ $0 == $1.id }) { return modifier.factor }
      }
    }
    return nil
  }

  @Test func randomTextsAgreeWithTheLists() {
    for analyzer in [handAnalyzer, builtinAnalyzer] {
      let rules = analyzer.lexicon.rules
      // Every modifier's words, some match words and clause breaks, shuffled into texts.
      var words = Self.kinds.flatMap { rules[keyPath: $0.list].flatMap(\.words) }
      words += ["hurt", "safe", "angry", "he", "I", "feel", ",", ".", "but", "not"]
      var random = SplitMix(seed: 3)
      var checked = 0, found = 0
      for _ in 0..<120 {
        let text = (0..<(4 + Int(random.next() % 20))).map { _ in words[Int(random.next() % UInt64(words.count))] }
          .joined(separator: " ")
        let tokens = tokens(text, analyzer)
        tokens.withUnsafeBufferPointer { buffer in
          for position in buffer.indices {
            let nearby = analyzer.modifiers(before: position, tokens: buffer)
            for kind in Self.kinds {
              let set = analyzer.compiled[keyPath: kind.set]
              let expected = listed(rules[keyPath: kind.list], window: set.kind.window, before: position, tokens: tokens, analyzer)
              #expect(analyzer.modifier(set, before: position, tokens: buffer) == expected, "\(text) @\(position)")
              #expect(nearby.contains(set.kind) == (expected != nil), "\(text) @\(position)")
              checked += 1
              if expected != nil { found += 1 }
            }
          }
        }
      }
      #expect(found > 60, "\(found)")
      #expect(checked > 3_000, "\(checked)")
    }
  }

  @Test func aModifierAcrossAClauseBreakDoesNotCount() {
    let tokens = tokens("I feel a bit, hurt", handAnalyzer)
    let hurt = tokens.count - 1
    tokens.withUnsafeBufferPointer { #expect(handAnalyzer.modifiers(before: hurt, tokens: $0).isEmpty) }
    let joined = self.tokens("I feel a bit hurt", handAnalyzer)
    joined.withUnsafeBufferPointer { #expect(handAnalyzer.modifiers(before: joined.count - 1, tokens: $0).contains(.softener)) }
  }
}
