/// Buffers an analysis needs, kept from one text to the next so that a worker analysing
/// many texts allocates them once. One per thread: a workspace is never shared.
package struct AnalysisWorkspace: ~Copyable {
  var tokenized = TokenizedText()
  var word = Tokenizer.WordScan()
  var scratch = MatchScratch()
  var matches: [TagMatch] = []
  var combined: [Double] = []
  var present: [Int32] = []
  var perSentence: [Double] = []
  /// Per sentence, whether its valence cannot be positive (see ``Lexicon/negativeOnlyEmotions``).
  var negativeSentence: [Bool] = []
  var covered: [Bool] = []
  var hits: [FeatureHit] = []
  var hitKeys: [Int] = []
  /// Per tag id: the fitted score, the sum of its positive feature weights, the largest of
  /// them, and the intensity (0 when the tag is absent).
  var scores: [Double] = []
  var positive: [Double] = []
  var strongest: [Double] = []
  var modelIntensity: [Double] = []

  package init() {}

  /// Empties the buffers for the next text (the tokenizer empties its own), keeping their
  /// memory unless a huge text made them large (more than about a megabyte of tokens), so
  /// one outlier is not kept.
  mutating func prepare() {
    if tokenized.tokens.capacity > 1 << 15 {
      tokenized = TokenizedText()
      covered = []
    }
    matches.removeAll(keepingCapacity: true)
    combined.removeAll(keepingCapacity: true)
    present.removeAll(keepingCapacity: true)
    perSentence.removeAll(keepingCapacity: true)
    negativeSentence.removeAll(keepingCapacity: true)
    covered.removeAll(keepingCapacity: true)
    hits.removeAll(keepingCapacity: true)
    hitKeys.removeAll(keepingCapacity: true)
    scores.removeAll(keepingCapacity: true)
    positive.removeAll(keepingCapacity: true)
    strongest.removeAll(keepingCapacity: true)
    modelIntensity.removeAll(keepingCapacity: true)
  }
}
