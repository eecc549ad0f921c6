/// The built-in tag taxonomy of the contract: 11 emotions and 16 themes, in contract order.
///
/// Custom lexicons may add categories; those are themes unless their lexicon says otherwise.
package enum Taxonomy {
  package static let emotions: [String] = [
    "betrayal", "anger", "resentment", "anxiety", "sadness", "insecurity", "safety", "hope",
    "gratitude", "guilt", "connection",
  ]

  package static let themes: [String] = [
    "acknowledgment", "responsibility", "accountability", "transparency", "deception",
    "broken-promise", "communication", "avoidance", "self-care", "rushing", "patience",
    "boundaries", "support", "empathy", "progress", "setback",
  ]

  /// Emotions that carry the hurt of a breach; used by the rushing and progress detectors.
  package static let hurtEmotions: [String] = ["betrayal", "anger", "resentment", "insecurity"]

  /// Emotions counted as negative when judging whether the hurt falls.
  /// An array, not a set: sums over it must not depend on hash order.
  package static let negativeEmotions: [String] = [
    "betrayal", "anger", "resentment", "anxiety", "sadness", "insecurity",
  ]

  /// The kind of a built-in tag, or `nil` for a tag the taxonomy does not know.
  package static func kind(of tag: String) -> TagKind? {
    if emotionSet.contains(tag) { return .emotion }
    if themeSet.contains(tag) { return .theme }
    return nil
  }

  private static let emotionSet = Set(emotions)
  private static let themeSet = Set(themes)
}
