import TrustLensCore

/// The patterns the trend stage can find in a subject's course: the one vocabulary of
/// signals. Raw values are the contract's spellings (JSON, the command line, pipeline files).
public enum SignalKind: String, Sendable, CaseIterable, Codable {
  case rushing, setback, avoidance, progress
  case selfCareNeglect = "self-care-neglect"
  /// The subject's last record is long before the run's date. A fact about the data, never a
  /// reason to change the status.
  case inactive

  /// Every kind's spelling, for messages: `rushing, setback, avoidance, …`.
  public static var allSpellings: String { allCases.map(\.rawValue).joined(separator: ", ") }

  /// Whether the signal is something a reader must act on (`progress` is good news and
  /// `inactive` says only how recent the data is).
  public var isConcern: Bool {
    switch self {
    case .rushing, .setback, .avoidance, .selfCareNeglect: return true
    case .progress, .inactive: return false
    }
  }

  /// The status the signal decides when it is the first concern found (`nil` for signals that
  /// never decide a status).
  public var status: RepairStatus? {
    switch self {
    case .rushing: return .rushing
    case .setback: return .setback
    case .avoidance: return .avoidance
    case .progress: return .progress
    case .selfCareNeglect, .inactive: return nil
    }
  }

  /// The tags whose presence in a text shows the signal: what its detector counts in the
  /// writing, and what a notable entry of the signal is chosen by. Empty for `inactive`.
  public var evidenceTags: [String] {
    switch self {
    case .rushing: return EvidenceTags.pressure + EvidenceTags.hurt
    case .setback: return EvidenceTags.relapse
    case .avoidance: return EvidenceTags.avoidance
    case .progress: return EvidenceTags.improvement
    case .selfCareNeglect: return EvidenceTags.selfNeglect + EvidenceTags.distress
    case .inactive: return []
    }
  }
}

/// The groups of tags the detectors read, each defined once. Every group names built-in
/// tags: the contract's taxonomy, and the built-in lexicon's own `self-neglect`.
public enum EvidenceTags {
  /// Pressure to move on ("you should be over it").
  public static let pressure = ["rushing"]
  /// The hurt of the breach, as the writing shows it: the negative emotions.
  public static let hurt = Taxonomy.negativeEmotions
  /// Distress, for self-care: the same negative emotions.
  public static let distress = Taxonomy.negativeEmotions
  /// The repair work that makes a fast recovery believable.
  public static let repairWork = ["accountability", "responsibility"]
  /// A relapse or a new breach: deception, a broken promise, a named setback.
  public static let relapse = ["setback", "deception", "broken-promise"]
  /// Avoiding the difficult conversations.
  public static let avoidance = ["avoidance"]
  /// Looking after oneself.
  public static let selfCare = ["self-care"]
  /// Not looking after oneself ("skipped dinner again"): a theme of the built-in lexicon
  /// beside the 27 of the contract.
  public static let selfNeglect = ["self-neglect"]
  /// Noticing improvement and feeling safe and close again.
  public static let improvement = ["progress", "connection", "hope", "safety"]

  /// The tags of a group as a phrase for evidence sentences: `betrayal, anger or sadness`.
  static func phrase(_ tags: [String]) -> String {
    guard tags.count > 1 else { return tags.first ?? "" }
    return tags.dropLast().joined(separator: ", ") + " or " + tags.last!
  }
}
