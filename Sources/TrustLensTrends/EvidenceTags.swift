import TrustLensCore

/// The groups of tags the detectors read, each defined once. Every group names built-in
/// tags: the contract's taxonomy, and the built-in lexicon's own `self-neglect`.
package enum EvidenceTags {
  /// Pressure to move on ("you should be over it").
  package static let pressure = ["rushing"]
  /// The hurt of the breach, as the writing shows it: the negative emotions.
  package static let hurt = Taxonomy.negativeEmotions
  /// Distress, for self-care: the same negative emotions.
  package static let distress = Taxonomy.negativeEmotions
  /// The repair work that makes a fast recovery believable.
  package static let repairWork = ["accountability", "responsibility"]
  /// A relapse or a new breach: deception, a broken promise, a named setback.
  package static let relapse = ["setback", "deception", "broken-promise"]
  /// Avoiding the difficult conversations.
  package static let avoidance = ["avoidance"]
  /// Looking after oneself.
  package static let selfCare = ["self-care"]
  /// Not looking after oneself ("skipped dinner again"): a theme of the built-in lexicon
  /// beside the 27 of the contract.
  package static let selfNeglect = ["self-neglect"]
  /// Noticing improvement and feeling safe and close again.
  package static let improvement = ["progress", "connection", "hope", "safety"]

  /// The tags of a group as a phrase for evidence sentences: `betrayal, anger or sadness`.
  static func phrase(_ tags: [String]) -> String {
    guard tags.count > 1 else { return tags.first ?? "" }
    return tags.dropLast().joined(separator: ", ") + " or " + tags.last!
  }
}
