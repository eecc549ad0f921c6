package import TrustLensCore

/// Why a text was analysed as it was: each tag's score with every feature that moved it, and
/// the valence with every word that moved it, after the rules.
///
/// Made on demand by ``Analyzer/explain(_:)`` (ordinary analysis computes none of this); the
/// numbers are the ones the analysis used, so the parts add up to what it reported.
package struct Explanation: Sendable {
  /// One match and what it added: to a tag's score (fitted model), as a hand-weighted tag
  /// match's weight, or to the valence sum.
  package struct Contribution: Sendable, Hashable {
    /// The matched text exactly as written (an emoji, a phrase, a word).
    package var match: String
    /// 1-based sentence of the match.
    package var sentence: Int
    /// Character offsets (Unicode scalars) of the match, half-open.
    package var start: Int
    package var end: Int
    /// The rules that applied: the fitted context (`negation`, `other`, …) or the hand rules.
    package var rules: [String]
    /// What it added, signed: a term of the tag's score (fitted), a weight in (0, 1] (hand),
    /// or a term of the valence sum after every rule.
    package var value: Double
    /// For a valence word: its score before the rules, in [-4, 4] (`value` = base × the
    /// rules' factors); nil otherwise.
    package var base: Double?
  }

  /// A term one sentence adds to the valence sum: its `!` emphasis (0.292 per mark, at most 4,
  /// in the direction of the sentence's sum), or the negative-only rule taking it to 0.
  package struct SentenceTerm: Sendable, Hashable {
    package var sentence: Int
    package var value: Double
  }

  /// How one tag was decided.
  package struct Tag: Sendable {
    package var tag: String
    package var kind: TagKind
    /// The reported intensity, 0 when the tag is absent.
    package var intensity: Double
    /// The fitted model's part (nil for a tag only hand-weighted patterns can give).
    package var model: ModelScore?
    /// Fitted features, in text order: each adds `value` to the score.
    package var features: [Contribution]
    /// Hand-weighted matches (hand-written or custom lexicons): intensity 1 − Π(1 − value).
    package var handMatches: [Contribution]

    package var isPresent: Bool { intensity > 0 }
  }

  /// A fitted tag's score: bias + length term + the features' values.
  package struct ModelScore: Sendable {
    package var bias: Double
    /// length weight × ln(1 + words).
    package var lengthTerm: Double
    package var score: Double
    /// σ(score), and the probability it must reach.
    package var probability: Double
    package var threshold: Double
    /// The weight one of the tag's features must add (0: any positive weight).
    package var trigger: Double = 0
    /// Whether the model gave the tag in the analysis (``Analyzer/scoreModel``): the
    /// probability reached the threshold and a feature added at least the trigger weight.
    package var gives = false

    /// "≥ threshold 0.50", "< threshold 0.50", or why a probability over it did not count.
    package func thresholdText(features: [Contribution], number: (Double) -> String) -> String {
      if probability < threshold { return "< threshold \(number(threshold))" }
      if gives { return "≥ threshold \(number(threshold))" }
      guard features.contains(where: { $0.value > 0 }) else { return "≥ threshold \(number(threshold)), but no feature adds to it" }
      return "≥ threshold \(number(threshold)), but no feature reaches the trigger weight \(number(trigger))"
    }
  }

  /// A tag's probability moving the valence (fitted model): `weight × probability`, or
  /// `weight × reported` for a negative-only emotion (betrayal) hand-weighted matches gave a
  /// larger intensity.
  package struct TagTerm: Sendable, Hashable {
    package var tag: String
    package var probability: Double
    package var reported: Double?
    package var weight: Double
    package var value: Double
  }

  package var analysis: TextAnalysis
  /// Present tags in taxonomy order, then absent tags that some feature pushed up.
  package var tags: [Tag]
  /// Valence words (and hand-weighted tag matches with a polarity), after the rules, each
  /// with the question halving of its sentence applied (rule `question`), in text order.
  package var valenceTerms: [Contribution]
  package var valenceEmphasis: [SentenceTerm]
  /// Positive sentences holding a negative-only emotion (betrayal): each `value` takes its
  /// sentence's sum to 0 (see ``Lexicon/negativeOnlyEmotions``).
  package var valenceNegativeOnly: [SentenceTerm]
  package var valenceTags: [TagTerm]
  /// The sum S of every term; the valence is S / √(S² + scale).
  package var valenceSum: Double
  package var valenceScale: Double
}
