/// What the analyzer says of one text. A pure function of (text, lexicon).
package struct TextAnalysis: Sendable, Hashable, Codable {
  package var words: Int
  /// Overall tone in [-1, 1].
  package var valence: Double
  /// Emotions present, each with an intensity in (0, 1].
  package var emotions: [String: Double]
  /// Themes present (built-in and custom categories), each with an intensity in (0, 1].
  package var themes: [String: Double]
  package var evidence: [Evidence]

  package init(
    words: Int, valence: Double, emotions: [String: Double], themes: [String: Double],
    evidence: [Evidence]
  ) {
    self.words = words
    self.valence = valence
    self.emotions = emotions
    self.themes = themes
    self.evidence = evidence
  }

  /// Intensity of any tag, emotion or theme, in [0, 1]; 0 when absent. A name that is both
  /// (possible in analysed lines read back) counts at its stronger intensity: the same rule
  /// as ``tagIntensities`` and the timelines.
  package func intensity(of tag: String) -> Double { max(emotions[tag] ?? 0, themes[tag] ?? 0) }

  /// Every tag present with its intensity, in (0, 1]: the one emotion/theme rule every output
  /// uses. Emotions and themes name different tags; a name in both counts once, at its
  /// stronger intensity (the emotion's on a tie — the values are then equal).
  package var tagIntensities: [String: Double] { emotions.merging(themes) { max($0, $1) } }
}
