public import TrustLensCore

/// Why a text was analysed as it was: each tag's score with every feature that moved it, and
/// the valence with every word that moved it, after the rules.
///
/// Made on demand by ``Analyzer/explain(_:)`` (ordinary analysis computes none of this); the
/// numbers are the ones the analysis used, so the parts add up to what it reported.
public struct Explanation: Sendable {
  /// One match and what it added: to a tag's score (fitted model), as a hand-weighted tag
  /// match's weight, or to the valence sum.
  public struct Contribution: Sendable, Hashable {
    /// The matched text exactly as written (an emoji, a phrase, a word).
    public var match: String
    /// 1-based sentence of the match.
    public var sentence: Int
    /// Character offsets (Unicode scalars) of the match, half-open.
    public var start: Int
    public var end: Int
    /// The rules that applied: the fitted context (`negation`, `other`, …) or the hand rules.
    public var rules: [String]
    /// What it added, signed: a term of the tag's score (fitted), a weight in (0, 1] (hand),
    /// or a term of the valence sum after every rule.
    public var value: Double
    /// For a valence word: its score before the rules, in [-4, 4] (`value` = base × the
    /// rules' factors); nil otherwise.
    public var base: Double?
  }

  /// A sentence's `!` emphasis on the valence: 0.292 per mark (at most 4) in the direction of
  /// the sentence's sum.
  public struct Emphasis: Sendable, Hashable {
    public var sentence: Int
    public var value: Double
  }

  /// How one tag was decided.
  public struct Tag: Sendable {
    public var tag: String
    public var kind: TagKind
    /// The reported intensity, 0 when the tag is absent.
    public var intensity: Double
    /// The fitted model's part (nil for a tag only hand-weighted patterns can give).
    public var model: ModelScore?
    /// Fitted features, in text order: each adds `value` to the score.
    public var features: [Contribution]
    /// Hand-weighted matches (hand-written or custom lexicons): intensity 1 − Π(1 − value).
    public var handMatches: [Contribution]

    public var isPresent: Bool { intensity > 0 }
  }

  /// A fitted tag's score: bias + length term + the features' values.
  public struct ModelScore: Sendable {
    public var bias: Double
    /// length weight × ln(1 + words).
    public var lengthTerm: Double
    public var score: Double
    /// σ(score), and the probability it must reach.
    public var probability: Double
    public var threshold: Double
  }

  /// A tag's probability moving the valence (fitted model): `weight × probability`.
  public struct TagTerm: Sendable, Hashable {
    public var tag: String
    public var probability: Double
    public var weight: Double
    public var value: Double
  }

  public var analysis: TextAnalysis
  /// Present tags in taxonomy order, then absent tags that some feature pushed up.
  public var tags: [Tag]
  /// Valence words (and hand-weighted tag matches with a polarity), after the rules, each
  /// with the question halving of its sentence applied (rule `question`), in text order.
  public var valenceTerms: [Contribution]
  public var valenceEmphasis: [Emphasis]
  public var valenceTags: [TagTerm]
  /// The sum S of every term; the valence is S / √(S² + scale).
  public var valenceSum: Double
  public var valenceScale: Double
}
